/**
 * @module
 * The option checks the provider and the read-only checkout reader share: the API key and the
 * base URLs. Each problem is collected with the option it concerns, so all are reported at once;
 * no value is ever quoted.
 */
import { createRedirectGuard, isLinkpayError, LinkpayError } from "@linkpay/core";
import type * as z from "zod";
import { KOMOJU_BASE_URL, parseBaseUrl } from "./base-url";
import { checkSecretKey } from "./secret-key";

/** One problem with the options: the option and what is wrong (never its value). */
export interface KomojuOptionIssue {
  readonly option: string;
  readonly message: string;
}

/** The options that say how to reach KOMOJU, as given. */
export interface ConnectionFields {
  readonly secretKey: string;
  readonly apiBaseUrl?: string | undefined;
  readonly checkoutBaseUrl?: string | undefined;
  readonly id?: string | undefined;
  readonly timeoutMs?: number | undefined;
  readonly maxNetworkRetries?: number | undefined;
}

/** How to reach KOMOJU, validated, with every default applied. */
export interface ResolvedConnectionOptions {
  readonly id: string;
  readonly secretKey: string;
  readonly livemode: boolean;
  /** `${apiBaseUrl}/api/v1`, without a trailing slash. */
  readonly apiUrl: string;
  /** Hosted pages are at `${checkoutBaseUrl}/sessions/{id}`. */
  readonly checkoutBaseUrl: string;
  /** `[origin of checkoutBaseUrl]`, as core's redirect guard accepts it. */
  readonly checkoutOrigins: readonly string[];
  readonly timeoutMs: number;
  readonly maxNetworkRetries: number;
}

/** The problems a zod schema found, each naming its option. */
export function schemaIssues(error: z.ZodError): KomojuOptionIssue[] {
  return error.issues.map((issue) => {
    const option = issue.path.join(".") || "options";
    return { option, message: `${option} ${issue.message}` };
  });
}

/** CONFIG_INVALID listing every issue; `what` names the options (e.g. `KOMOJU provider options`). */
export function refuse(what: string, issues: readonly KomojuOptionIssue[]): LinkpayError {
  const text = issues.map((issue) => issue.message).join("; ");
  return new LinkpayError("CONFIG_INVALID", `Invalid ${what}: ${text}`, { details: { issues } });
}

/** Runs a check; a CONFIG_INVALID it throws becomes an issue for `option`, so all are listed. */
export function check<T>(issues: KomojuOptionIssue[], option: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!isLinkpayError(error) || error.code !== "CONFIG_INVALID") throw error;
    const named = error.details?.option;
    const name = typeof named === "string" ? named : option;
    const message = error.message.startsWith(name) ? error.message : `${name}: ${error.message}`;
    issues.push({ option: name, message });
    return undefined;
  }
}

/**
 * Checks the key and the base URLs and fills in the defaults; undefined when a problem was
 * reported (each problem is in `issues`).
 */
export function checkConnection(
  issues: KomojuOptionIssue[],
  value: ConnectionFields,
): ResolvedConnectionOptions | undefined {
  const livemode = check(issues, "secretKey", () => checkSecretKey(value.secretKey))?.livemode;
  // A bad key is reported; the URLs are then judged as for a test key.
  const live = livemode ?? false;
  const apiBaseUrl = check(issues, "apiBaseUrl", () =>
    parseBaseUrl("apiBaseUrl", value.apiBaseUrl ?? KOMOJU_BASE_URL, live),
  );
  const checkoutBaseUrl = check(issues, "checkoutBaseUrl", () =>
    parseBaseUrl("checkoutBaseUrl", value.checkoutBaseUrl ?? apiBaseUrl ?? KOMOJU_BASE_URL, live),
  );
  const checkoutOrigins =
    checkoutBaseUrl === undefined
      ? undefined
      : check(issues, "checkoutBaseUrl", () =>
          createRedirectGuard({
            allowedOrigins: [new URL(checkoutBaseUrl).origin],
            allowInsecureLocalhost: !live,
          }),
        )?.allowedOrigins;
  if (
    issues.length > 0 ||
    livemode === undefined ||
    apiBaseUrl === undefined ||
    checkoutBaseUrl === undefined ||
    checkoutOrigins === undefined
  ) {
    return undefined;
  }
  return {
    id: value.id ?? "komoju",
    secretKey: value.secretKey,
    livemode,
    apiUrl: `${apiBaseUrl}/api/v1`,
    checkoutBaseUrl,
    checkoutOrigins,
    timeoutMs: value.timeoutMs ?? 30_000,
    maxNetworkRetries: value.maxNetworkRetries ?? 2,
  };
}
