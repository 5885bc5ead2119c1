/**
 * @module
 * The `Linkpay-Patrol-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`,
 * with one `v1` per secret while a secret is being rotated. The MAC itself is core's
 * timestamped HMAC; this module owns only the header format.
 */
import { LinkpayError } from "@linkpay/core";
import { parseUnixTimestamp, type RawBody, signTimestampedHmac } from "@linkpay/core/provider-kit";

/** The header carrying the run id (lower case, as Node exposes request headers). */
export const PATROL_ID_HEADER = "linkpay-patrol-id";

/** The header carrying the signature (lower case, as Node exposes request headers). */
export const PATROL_SIGNATURE_HEADER = "linkpay-patrol-signature";

/** A parsed signature header. */
export interface PatrolSignature {
  readonly timestamp: number;
  readonly signatures: readonly string[];
}

/** Input of {@link signPatrolWebhook}. */
export interface SignPatrolWebhookInput {
  readonly rawBody: RawBody;
  readonly secret: string;
  /** Whole unix seconds. */
  readonly timestamp: number;
}

const ELEMENT = /^([a-z][a-z0-9]*)=(.*)$/;
const V1 = /^[0-9a-f]{64}$/;

/** The signature header value for a body, e.g. `t=1700000000,v1=5f…`. */
export function signPatrolWebhook({ rawBody, secret, timestamp }: SignPatrolWebhookInput): string {
  const mac = signTimestampedHmac({ rawBody, secret, timestamp, encoding: "hex" });
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Parses a header value strictly; unknown elements (a future `v2`) are ignored.
 *
 * @throws LinkpayError WEBHOOK_SIGNATURE_MALFORMED unless there is exactly one `t` (digits) and at
 *   least one `v1` of 64 lower-case hex digits.
 */
export function parsePatrolSignature(value: string): PatrolSignature {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  value.split(",").forEach((element, index) => {
    const match = ELEMENT.exec(element.trim());
    if (match === null) throw malformed(`element ${index} is not key=value`);
    const [, key, content = ""] = match;
    if (key === "t") {
      if (timestamp !== undefined) throw malformed("has more than one timestamp (t=)");
      timestamp = parseUnixTimestamp(content, "Linkpay-Patrol-Signature t");
    } else if (key === "v1") {
      if (!V1.test(content))
        throw malformed(`element ${index} (v1) is not 64 lower-case hex digits`);
      signatures.push(content);
    }
  });
  if (timestamp === undefined) throw malformed("has no timestamp (t=)");
  if (signatures.length === 0) throw malformed("has no v1 signature");
  return { timestamp, signatures };
}

function malformed(problem: string): LinkpayError {
  return new LinkpayError("WEBHOOK_SIGNATURE_MALFORMED", `Linkpay-Patrol-Signature ${problem}`, {
    details: { header: PATROL_SIGNATURE_HEADER },
  });
}
