/**
 * @module
 * What a webhook sender is told, and what the log is told. The status decides whether the PSP
 * retries: 2xx only once the state is committed, 400 for forgeries and malformed payloads (a retry
 * cannot fix them), 500 for configuration mistakes, 503 when the store or a hook failed for now.
 */
import { isLinkpayError, type Logger } from "@linkpay/core";
import { isHttpError } from "../errors";

/** A webhook answer for a failure: status and code only, nothing about why. */
export interface WebhookFailure {
  readonly status: number;
  readonly code: string;
}

/** The answer for an error thrown while reading or applying a webhook. */
export function webhookFailure(error: unknown): WebhookFailure {
  if (isLinkpayError(error) || isHttpError(error))
    return { status: error.status, code: error.code };
  return { status: 500, code: "INTERNAL_ERROR" };
}

/** Logs a failed delivery at a level that matches what went wrong. */
export function logWebhookFailure(
  log: Logger,
  error: unknown,
  failure: WebhookFailure,
  provider: string,
): void {
  const fields = { provider, code: failure.code, status: failure.status };
  if (isLinkpayError(error) && error.kind === "not_authentic") {
    log.warn(
      fields,
      "webhook refused: not authentic (forged, replayed or signed with another secret)",
    );
  } else if (failure.status < 500) {
    log.warn({ ...fields, err: error }, "webhook refused");
  } else if (failure.status === 503) {
    log.error({ ...fields, err: error }, "webhook not applied for now; the provider will retry");
  } else {
    log.error(
      { ...fields, err: error },
      `webhook failed: ${error instanceof Error ? error.message : "unknown error"}`,
    );
  }
}
