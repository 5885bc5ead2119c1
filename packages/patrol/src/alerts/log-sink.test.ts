import { describe, expect, it } from "@jest/globals";
import type { Finding } from "../model/findings";
import { logSink } from "./log-sink";
import type { PatrolAlert } from "./patrol-alert";

const findings: Finding[] = [
  {
    severity: "critical",
    code: "SCRIPT_ADDED",
    where: "/book",
    subject: "https://cdn.evil.example/skim.js",
    message: "A new script runs on the booking page.",
  },
  {
    severity: "warning",
    code: "HEADER_REMOVED",
    where: "/book",
    subject: "strict-transport-security",
    message: "The HSTS header is gone.",
  },
  {
    severity: "info",
    code: "PAGE_STATUS_CHANGED",
    where: "/",
    subject: "200",
    message: "The home page answers 200 again.",
  },
];

const alert: PatrolAlert = {
  runId: "run-42",
  site: "https://shop.example",
  at: new Date("2026-12-01T09:00:00Z"),
  verdict: "critical",
  findings,
};

function memoryDestination() {
  const chunks: string[] = [];
  return {
    destination: { write: (chunk: string) => chunks.push(chunk) },
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line): Record<string, unknown> => JSON.parse(line)),
  };
}

describe("logSink", () => {
  it("writes one JSON line per finding at its severity's level, then a summary", async () => {
    const memory = memoryDestination();
    await logSink({ destination: memory.destination }).send(alert);
    const lines = memory.lines();
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 3).map((line) => line.level)).toEqual([50, 40, 30]);
    expect(lines[0]).toMatchObject({
      runId: "run-42",
      site: "https://shop.example",
      code: "SCRIPT_ADDED",
      severity: "critical",
      where: "/book",
      subject: "https://cdn.evil.example/skim.js",
      message: "A new script runs on the booking page.",
    });
    expect(lines[3]).toMatchObject({
      level: 50,
      runId: "run-42",
      verdict: "critical",
      at: "2026-12-01T09:00:00.000Z",
      counts: { critical: 1, warning: 1, info: 1 },
      message: "patrol alert: CRITICAL on https://shop.example: 3 findings",
    });
  });

  it("logs the summary of a warning run at warn", async () => {
    const memory = memoryDestination();
    const warning = findings.slice(1);
    await logSink({ destination: memory.destination }).send({
      ...alert,
      verdict: "warning",
      findings: warning,
    });
    expect(memory.lines().at(-1)).toMatchObject({
      level: 40,
      message: "patrol alert: WARNING on https://shop.example: 2 findings",
    });
  });
});
