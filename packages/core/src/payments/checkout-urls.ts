/**
 * @module
 * Success and cancel URLs come from the merchant's configuration, never from a request.
 */
import { LinkpayError } from "../errors";

/** What a URL builder may use. */
export interface CheckoutUrlContext {
  readonly orderRef: string;
  readonly attemptId: string;
}

/** A URL template (`{ORDER_REF}` and `{ATTEMPT_ID}` are replaced, URL-encoded) or a builder. */
export type CheckoutUrl = string | ((context: CheckoutUrlContext) => string);

/** The merchant's return URLs. */
export interface CheckoutUrls {
  /** Where the provider sends the shopper after paying. */
  readonly success: CheckoutUrl;
  /** Where the provider sends the shopper who cancels. */
  readonly cancel: CheckoutUrl;
}

function assertAbsoluteHttpUrl(value: string, label: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LinkpayError("CONFIG_INVALID", `urls.${label} must be an absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new LinkpayError("CONFIG_INVALID", `urls.${label} must be an http(s) URL`);
  }
  if (url.username || url.password) {
    throw new LinkpayError("CONFIG_INVALID", `urls.${label} must not contain credentials`);
  }
}

/** Builds one return URL for an attempt and checks it is an absolute http(s) URL. */
export function buildCheckoutUrl(
  template: CheckoutUrl,
  context: CheckoutUrlContext,
  label: "success" | "cancel",
): string {
  const value =
    typeof template === "function"
      ? template(context)
      : template
          .replaceAll("{ORDER_REF}", encodeURIComponent(context.orderRef))
          .replaceAll("{ATTEMPT_ID}", encodeURIComponent(context.attemptId));
  assertAbsoluteHttpUrl(value, label);
  return value;
}

/** Checks the configured templates once, at start-up. */
export function assertCheckoutUrls(urls: CheckoutUrls | undefined): asserts urls is CheckoutUrls {
  if (!urls) throw new LinkpayError("CONFIG_INVALID", "urls.success and urls.cancel are required");
  const sample = { orderRef: "ORDER-1", attemptId: "attempt-1" };
  buildCheckoutUrl(urls.success, sample, "success");
  buildCheckoutUrl(urls.cancel, sample, "cancel");
}
