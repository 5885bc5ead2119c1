/**
 * @module
 * `TRUST_PROXY`: which peers may say, in `X-Forwarded-For` and `X-Forwarded-Proto`, who the client
 * is. Rate limits key on that address, so trusting a peer that is not your own proxy lets anyone
 * pick a fresh address per request. Unset, nothing is trusted: the client is the TCP peer.
 * Express's forms: a hop count (`1`: the one proxy in front), or a comma-separated list of
 * addresses, CIDR ranges and the names `loopback`, `linklocal`, `uniquelocal`.
 */
import * as z from "zod";
import { isAddressOrRange } from "./ip-ranges";

/** Express's `trust proxy` value: `false` (nobody), a hop count, or the peers to trust. */
export type TrustProxy = false | number | readonly string[];

const NAMED_RANGES: ReadonlySet<string> = new Set(["loopback", "linklocal", "uniquelocal"]);

const PROBLEM =
  "TRUST_PROXY must be a hop count (1), or addresses, CIDR ranges and loopback/linklocal/uniquelocal, comma-separated (e.g. loopback or 10.0.0.0/8); unset trusts no proxy";

function parse(value: string | undefined): TrustProxy | undefined {
  if (value === undefined) return false;
  if (/^\d{1,2}$/.test(value)) return Number(value) === 0 ? false : Number(value);
  const entries = value.split(",").map((entry) => entry.trim());
  const valid = entries.every((entry) => NAMED_RANGES.has(entry) || isAddressOrRange(entry));
  return valid ? entries : undefined;
}

/** The zod schema of `TRUST_PROXY` (blank or unset: `false`). `true` is refused: it trusts anyone. */
export const trustProxySchema = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()))
  .transform((value, context): TrustProxy => {
    const parsed = parse(value);
    if (parsed === undefined) {
      context.addIssue({ code: "custom", message: PROBLEM });
      return z.NEVER;
    }
    return parsed;
  });
