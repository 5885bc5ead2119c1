/**
 * @module
 * For receivers of patrol webhooks: checks the signature header against the raw body and only
 * then parses the body. Order: header present and well-formed, timestamp within the replay window,
 * MAC (constant time, any `v1` against any secret), then the JSON shape.
 */
import { LinkpayError } from "@linkpay/core";
import {
  DEFAULT_TOLERANCE_SECONDS,
  type RawBody,
  rawBodyBytes,
  verifyTimestampedHmac,
} from "@linkpay/core/provider-kit";
import { type PatrolAlertPayload, patrolAlertPayloadSchema } from "./patrol-webhook-payload";
import { PATROL_SIGNATURE_HEADER, parsePatrolSignature } from "./patrol-webhook-signature";

/** Input of {@link verifyPatrolWebhook}. */
export interface VerifyPatrolWebhookInput {
  /** The request body exactly as received (bytes or their UTF-8 text), not re-serialized JSON. */
  readonly rawBody: RawBody;
  /** The `Linkpay-Patrol-Signature` header, e.g. `req.headers["linkpay-patrol-signature"]`. */
  readonly signatureHeader: string | readonly string[] | undefined;
  /** The shared secret; during a rotation, the old and the new one. */
  readonly secret: string | readonly string[];
  /** Replay window in seconds, both directions (default 300). */
  readonly toleranceSeconds?: number | undefined;
  /** The current time (default `new Date()`). */
  readonly now?: Date | undefined;
}

/**
 * Verifies a patrol webhook and returns its body; throws unless it is authentic.
 *
 * @throws LinkpayError WEBHOOK_SIGNATURE_MISSING, WEBHOOK_SIGNATURE_MALFORMED,
 *   WEBHOOK_TIMESTAMP_TOO_OLD, WEBHOOK_TIMESTAMP_IN_FUTURE, WEBHOOK_SIGNATURE_INVALID (all
 *   "not authentic", status 400); WEBHOOK_PAYLOAD_INVALID for an authentic body of the wrong shape;
 *   CONFIG_INVALID for a bad secret or tolerance.
 * @example
 * const alert = verifyPatrolWebhook({
 *   rawBody: req.body, // express.raw({ type: "application/json" })
 *   signatureHeader: req.headers[PATROL_SIGNATURE_HEADER],
 *   secret: process.env.PATROL_WEBHOOK_SECRET ?? "",
 * });
 */
export function verifyPatrolWebhook(input: VerifyPatrolWebhookInput): PatrolAlertPayload {
  const { timestamp, signatures } = parsePatrolSignature(readHeader(input.signatureHeader));
  verifyTimestampedHmac({
    rawBody: input.rawBody,
    timestamp,
    signatures,
    secrets: typeof input.secret === "string" ? [input.secret] : input.secret,
    encoding: "hex",
    toleranceSeconds: input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    now: input.now ?? new Date(),
  });
  return parseBody(rawBodyBytes(input.rawBody).toString("utf8"));
}

function readHeader(header: string | readonly string[] | undefined): string {
  const values = (typeof header === "string" ? [header] : (header ?? [])).filter((v) => v !== "");
  const [first] = values;
  if (first === undefined) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MISSING",
      "The request has no Linkpay-Patrol-Signature header: it did not come from the patrol, " +
        "or a proxy dropped the header",
      { details: { header: PATROL_SIGNATURE_HEADER } },
    );
  }
  if (values.some((value) => value !== first)) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MALFORMED",
      "Linkpay-Patrol-Signature occurs several times with different values",
      { details: { header: PATROL_SIGNATURE_HEADER, count: values.length } },
    );
  }
  return first;
}

function parseBody(text: string): PatrolAlertPayload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw payloadInvalid("the body is not JSON");
  }
  const parsed = patrolAlertPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw payloadInvalid(`${issue?.path.map(String).join(".") || "body"}: ${issue?.message}`);
  }
  return parsed.data;
}

function payloadInvalid(reason: string): LinkpayError {
  return new LinkpayError(
    "WEBHOOK_PAYLOAD_INVALID",
    `The signed body is not a patrol alert (${reason})`,
  );
}
