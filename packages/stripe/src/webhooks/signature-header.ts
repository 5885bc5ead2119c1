/**
 * @module
 * Reads and strictly parses the `Stripe-Signature` header (`t=…,v1=…[,v1=…][,v0=…]`).
 * The SDK's own parser is lenient (`t=12abc` reads as 12, junk elements are skipped); linkpay
 * refuses anything Stripe would never send before the SDK sees it.
 */
import { LinkpayError } from "@linkpay/core";
import { getHeaderValues, type HeaderRecord, parseUnixTimestamp } from "@linkpay/core/provider-kit";

/** The header Stripe signs deliveries with. */
export const STRIPE_SIGNATURE_HEADER = "stripe-signature";

/** A parsed `Stripe-Signature` header. */
export interface StripeSignatureHeader {
  /** The header value exactly as received. */
  readonly value: string;
  /** The signed timestamp, in unix seconds. */
  readonly timestamp: number;
  /** Every `v1` signature (several during a secret roll on Stripe's side). */
  readonly signatures: readonly string[];
}

const ELEMENT = /^([a-z][a-z0-9]*)=(.*)$/;
const V1_SIGNATURE = /^[0-9a-f]{64}$/;

function malformed(message: string, details: Record<string, unknown> = {}): LinkpayError {
  return new LinkpayError("WEBHOOK_SIGNATURE_MALFORMED", `Stripe-Signature ${message}`, {
    details: { header: STRIPE_SIGNATURE_HEADER, ...details },
  });
}

/**
 * The single Stripe-Signature value of a delivery.
 *
 * @throws LinkpayError WEBHOOK_SIGNATURE_MISSING when absent or empty; WEBHOOK_SIGNATURE_MALFORMED
 *   when repeated with different values.
 */
export function readSignatureHeader(headers: HeaderRecord): string {
  const values = getHeaderValues(headers, STRIPE_SIGNATURE_HEADER).filter((value) => value !== "");
  const [first] = values;
  if (first === undefined) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MISSING",
      "The delivery has no Stripe-Signature header: it did not come from Stripe, or a proxy dropped it",
      { details: { header: STRIPE_SIGNATURE_HEADER } },
    );
  }
  if (values.some((value) => value !== first)) {
    throw malformed("occurs several times with different values", { count: values.length });
  }
  return first;
}

/**
 * Parses a header value. Elements other than `t` and `v1` (such as `v0`) are ignored, as Stripe
 * documents; `t` must occur once as digits, and each `v1` must be 64 lower-case hex digits.
 *
 * @throws LinkpayError WEBHOOK_SIGNATURE_MALFORMED otherwise.
 */
export function parseSignatureHeader(value: string): StripeSignatureHeader {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  value.split(",").forEach((element, index) => {
    const match = ELEMENT.exec(element);
    if (match === null) throw malformed(`element ${index} is not key=value`, { index });
    const [, key, content = ""] = match;
    if (key === "t") {
      if (timestamp !== undefined) throw malformed("has more than one timestamp (t=)");
      timestamp = parseUnixTimestamp(content, "Stripe-Signature t");
    } else if (key === "v1") {
      if (!V1_SIGNATURE.test(content)) {
        throw malformed(`v1 signature ${signatures.length} is not 64 lower-case hex digits`, {
          index,
        });
      }
      signatures.push(content);
    }
  });
  if (timestamp === undefined) throw malformed("has no timestamp (t=)");
  if (signatures.length === 0) throw malformed("has no v1 signature");
  return { value, timestamp, signatures };
}
