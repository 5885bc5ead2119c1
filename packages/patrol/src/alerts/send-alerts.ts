/**
 * @module
 * Delivers one alert to every sink at once; a sink that fails or hangs up does not keep the
 * others from delivering. The caller decides what to log or how to exit from the outcomes.
 */
import { errorMessage } from "./error-fields";
import type { AlertSink, PatrolAlert } from "./patrol-alert";

/** How delivery to one sink went. */
export interface SinkOutcome {
  readonly sink: string;
  readonly ok: boolean;
  /** Why it failed (credential-free), when `ok` is false. */
  readonly error?: string | undefined;
}

/**
 * Sends `alert` to every sink concurrently; never rejects. Outcomes are in the order of `sinks`.
 *
 * @example
 * const outcomes = await sendAlerts([logSink(), webhookSink(options)], alert);
 * const failed = outcomes.filter((outcome) => !outcome.ok);
 */
export async function sendAlerts(
  sinks: readonly AlertSink[],
  alert: PatrolAlert,
): Promise<SinkOutcome[]> {
  const settled = await Promise.allSettled(
    sinks.map(async (sink) => {
      await sink.send(alert);
    }),
  );
  return settled.map((result, index) => {
    const sink = sinks[index]?.name ?? `sink ${index}`;
    if (result.status === "fulfilled") return { sink, ok: true };
    return { sink, ok: false, error: errorMessage(result.reason) };
  });
}
