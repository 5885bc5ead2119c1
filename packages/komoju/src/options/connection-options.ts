/**
 * @module
 * The option checks the provider and the read-only checkout reader share: the API key and the
 * base URLs. Each problem is collected with the option it concerns, so all are reported at once;
 * no value is ever quoted.
 */
import { createRedirectGuard } from "@linkpay/core";
import {
  collectOptionIssue as check,
  type OptionIssue,
  refuseOptions as refuse,
  optionIssuesOf as schemaIssues,
} from "@linkpay/core/provider-kit";
import { KOMOJU_BASE_URL, parseBaseUrl } from "./base-url";
import { checkSecretKey } from "./secret-key";

/** One problem with the options: the option and what is wrong (never its value). */
export type KomojuOptionIssue = OptionIssue;

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

/** The option-check helpers every adapter shares, from core's provider kit. */
export { check, refuse, schemaIssues };

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
