import { describe, expect, it } from "@jest/globals";
import { AlertDeliveryError } from "./alert-delivery-error";
import { logSink } from "./log-sink";
import type { AlertSink, PatrolAlert } from "./patrol-alert";
import { sendAlerts } from "./send-alerts";

const alert: PatrolAlert = {
  runId: "run-42",
  site: "https://shop.example",
  at: new Date("2026-12-01T09:00:00Z"),
  verdict: "warning",
  findings: [
    {
      severity: "warning",
      code: "CSP_WEAKENED",
      where: "/book",
      subject: "script-src",
      message: "script-src now allows 'unsafe-inline'.",
    },
  ],
};

function recordingSink(name: string) {
  const sent: PatrolAlert[] = [];
  const sink: AlertSink = {
    name,
    async send(delivered) {
      sent.push(delivered);
    },
  };
  return { sink, sent };
}

describe("sendAlerts", () => {
  it("delivers to every sink even when others reject or throw", async () => {
    const rejecting: AlertSink = {
      name: "webhook https://down.example",
      send: async () => {
        throw new AlertDeliveryError("ALERT_UNAVAILABLE", "webhook", "answered HTTP 503");
      },
    };
    const throwing: AlertSink = {
      name: "broken",
      send: () => {
        throw new Error("not even a promise");
      },
    };
    const lines: string[] = [];
    const log = logSink({ destination: { write: (line: string) => lines.push(line) } });
    const recorded = recordingSink("memory");

    const outcomes = await sendAlerts([rejecting, throwing, log, recorded.sink], alert);

    expect(outcomes).toEqual([
      { sink: "webhook https://down.example", ok: false, error: "answered HTTP 503" },
      { sink: "broken", ok: false, error: "not even a promise" },
      { sink: "log", ok: true },
      { sink: "memory", ok: true },
    ]);
    expect(recorded.sent).toEqual([alert]);
    expect(lines).toHaveLength(2);
  });

  it("returns no outcomes for no sinks", async () => {
    expect(await sendAlerts([], alert)).toEqual([]);
  });
});
