/**
 * @module
 * The error a sink rejects with when an alert did not reach its destination. `code` says whether
 * trying later may help; messages name the destination without credentials.
 */

/**
 * `ALERT_REJECTED`: the destination refused the alert (4xx, bad login): fix the configuration.
 * `ALERT_UNAVAILABLE`: the destination could not be reached or failed (network, 5xx): try later.
 */
export type AlertDeliveryErrorCode = "ALERT_REJECTED" | "ALERT_UNAVAILABLE";

/** An alert a sink could not deliver. */
export class AlertDeliveryError extends Error {
  override readonly name = "AlertDeliveryError";
  readonly code: AlertDeliveryErrorCode;
  /** The sink's name (credential-free). */
  readonly sink: string;

  constructor(code: AlertDeliveryErrorCode, sink: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.sink = sink;
  }

  /** True when sending again later may succeed. */
  get retryable(): boolean {
    return this.code === "ALERT_UNAVAILABLE";
  }
}
