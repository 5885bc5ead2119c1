import { describe, expect, it } from "@jest/globals";
import type { Finding } from "../model/findings";
import type { PatrolReport } from "../run/run-patrol";
import { watchPatrol } from "./watch-loop";

const critical: Finding = {
  severity: "critical",
  code: "SCRIPT_ADDED",
  where: "/book",
  subject: "https://evil.example/s.js",
  message: "new script",
};
const flaky: Finding = {
  severity: "critical",
  code: "JOURNEY_FAILED",
  where: "journey:book",
  subject: "book",
  message: "timeout",
};

function report(runId: string, findings: Finding[]): PatrolReport {
  const verdict = findings.some((f) => f.severity === "critical")
    ? "critical"
    : findings.length > 0
      ? "warning"
      : "clean";
  return {
    version: 1,
    runId,
    site: "https://rent.example.jp",
    startedAt: "",
    finishedAt: "",
    verdict,
    findings,
    snapshot: { version: 1, baseUrl: "", takenAt: "", pages: [], redirects: [] },
  };
}

/** Runs the loop over `runs` (one per call), stopping when they are used up; returns what it reported and slept. */
async function watch(runs: Finding[][], random = () => 0.5) {
  const controller = new AbortController();
  const reported: PatrolReport[] = [];
  const sleeps: number[] = [];
  let call = 0;
  await watchPatrol({
    runOnce: async () => {
      const findings = runs[call] ?? [];
      call += 1;
      if (call >= runs.length) controller.abort();
      return report(`run-${call}`, findings);
    },
    onReport: async (settled) => {
      reported.push(settled);
    },
    intervalMs: 60_000,
    jitterMs: 10_000,
    signal: controller.signal,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random,
  });
  return { reported, sleeps, calls: call };
}

const wrongAmount = (session: string): Finding => ({
  severity: "critical",
  code: "SESSION_WRONG_AMOUNT",
  where: "journey:book",
  subject: session,
  message: `${session} is for 99000 JPY`,
});
const reported: Finding = {
  severity: "critical",
  code: "CSP_VIOLATION_REPORTED",
  where: "/book",
  subject: "https://evil.example/s.js script-src-elem",
  message: "blocked",
};

describe("watchPatrol", () => {
  it("confirms a session finding although each run has its own session, and keeps shoppers' reports", async () => {
    const { reported: settled } = await watch([
      [wrongAmount("cs_test_1"), reported],
      [wrongAmount("cs_test_2")],
      [],
    ]);
    expect(settled[0]?.verdict).toBe("critical");
    expect(settled[0]?.findings.map((f) => `${f.severity} ${f.code}`)).toEqual([
      "critical CSP_VIOLATION_REPORTED",
      "critical SESSION_WRONG_AMOUNT",
    ]);
  });

  it("keeps a critical the re-check did not see as a warning, and acts on the first run when the re-check fails", async () => {
    const { reported: settled } = await watch([[critical], [], []]);
    expect(settled[0]?.findings.map((f) => `${f.severity} ${f.code}`)).toEqual([
      "warning SCRIPT_ADDED",
    ]);
    const controller = new AbortController();
    const acted: PatrolReport[] = [];
    let call = 0;
    await watchPatrol({
      runOnce: async () => {
        call += 1;
        if (call === 2) throw new Error("browser crashed");
        if (call === 3) controller.abort();
        return report(`run-${call}`, call === 1 ? [critical] : []);
      },
      onReport: async (settledReport) => {
        acted.push(settledReport);
      },
      intervalMs: 1,
      jitterMs: 0,
      signal: controller.signal,
      sleep: async () => undefined,
    });
    expect(acted[0]?.findings).toEqual([critical]);
  });

  it("re-checks a critical run and alerts critical only what both runs saw", async () => {
    const { reported, calls } = await watch([[critical, flaky], [critical], []]);
    expect(calls).toBe(3);
    expect(reported[0]?.verdict).toBe("critical");
    expect(reported[0]?.findings.map((f) => `${f.severity} ${f.code}`)).toEqual([
      "critical SCRIPT_ADDED",
      "warning JOURNEY_FAILED",
    ]);
  });

  it("lowers a critical seen only in the re-check to a warning", async () => {
    const { reported } = await watch([[flaky], [critical], []]);
    expect(reported[0]?.verdict).toBe("warning");
    expect(reported[0]?.findings.map((f) => `${f.severity} ${f.code}`)).toEqual([
      "warning SCRIPT_ADDED",
      "warning JOURNEY_FAILED",
    ]);
  });

  it("does not re-check a clean run and waits the interval plus jitter between runs", async () => {
    const { sleeps, calls } = await watch([[], [], []], () => 1);
    expect(calls).toBe(3);
    expect(sleeps).toEqual([70_000, 70_000]);
  });

  it("goes on after a run that throws", async () => {
    const controller = new AbortController();
    const errors: unknown[] = [];
    let call = 0;
    await watchPatrol({
      runOnce: async () => {
        call += 1;
        if (call === 1) throw new Error("browser crashed");
        controller.abort();
        return report("run-2", []);
      },
      onReport: async () => undefined,
      intervalMs: 1,
      jitterMs: 0,
      signal: controller.signal,
      sleep: async () => undefined,
      onError: (error) => errors.push(error),
    });
    expect(call).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
