/**
 * @module
 * What an alert carries and what every alert channel (a "sink") implements. Sinks only deliver:
 * deciding whether a run deserves an alert belongs to the caller.
 */
import type { Finding } from "../model/findings";

/** The verdict of a run worth an alert (clean runs send none). */
export type AlertVerdict = "critical" | "warning";

/** One patrol run's alert: where it looked, when, how bad, and what it found. */
export interface PatrolAlert {
  readonly runId: string;
  /** The base URL of the patrolled site, e.g. `https://shop.example`. */
  readonly site: string;
  readonly at: Date;
  readonly verdict: AlertVerdict;
  readonly findings: readonly Finding[];
}

/** A channel alerts go out on (log, webhook, e-mail). */
export interface AlertSink {
  /** Identifies the sink in outcomes and logs; never contains credentials. */
  readonly name: string;
  /** Delivers the alert; rejects when it could not be delivered. */
  send(alert: PatrolAlert): Promise<void>;
}

/** The one-line summary shared by every sink: `CRITICAL on https://shop.example: 2 findings`. */
export function summarizeAlert(alert: Pick<PatrolAlert, "site" | "verdict" | "findings">): string {
  const count = alert.findings.length;
  return `${alert.verdict.toUpperCase()} on ${alert.site}: ${count} finding${count === 1 ? "" : "s"}`;
}
