/**
 * @module
 * Tests for the webhook benchmark's JSON results: medians and the ratio per route, the command
 * that produced them, and the file they are written to.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseBenchOptions } from "./bench-options";
import type { Measured } from "./bench-report";
import {
  commandLine,
  saveWebhookResults,
  WEBHOOK_RESULTS_FILE,
  WEBHOOK_TARGET_RATIO,
  webhookResults,
} from "./webhook-results-file";

function run(target: Measured["target"], round: number, requestsPerSecond: number): Measured {
  return {
    target,
    round,
    requestsPerSecond,
    p50: 1,
    p99: round + 4,
    total: requestsPerSecond * 2,
    non2xx: 0,
    errors: 0,
    cpuMsPerRequest: target === "bare" ? 0.1 : 0.12,
  };
}

const runs = [
  run("bare", 1, 10_000),
  run("linkpay", 1, 8_000),
  run("bare", 2, 12_000),
  run("linkpay", 2, 9_900),
  run("bare", 3, 11_000),
  run("linkpay", 3, 9_000),
];

describe("webhookResults", () => {
  it("reports each route's medians and the ratio of the medians", () => {
    const argv = ["--quick"];
    const results = webhookResults(parseBenchOptions(argv), argv, 30_000, runs);
    expect(results.medians).toEqual([
      expect.objectContaining({ target: "bare", requestsPerSecond: 11_000, p99: 6, ratio: 1 }),
      expect.objectContaining({
        target: "linkpay",
        requestsPerSecond: 9_000,
        p50: 1,
        cpuMsPerRequest: 0.12,
      }),
    ]);
    expect(results.ratio).toBeCloseTo(9_000 / 11_000);
    expect(results.targetRatio).toBe(WEBHOOK_TARGET_RATIO);
    expect(results.command).toBe("npm run bench:webhook -- --quick");
    expect(results.machine).toMatch(/CPUs .*node v/);
    expect(results.settings).toMatchObject({ seconds: 2, rounds: 3, quick: true, events: 30_000 });
    expect(results.runs).toHaveLength(6);
  });

  it("names the command without arguments as it was typed", () => {
    expect(commandLine([])).toBe("npm run bench:webhook");
  });
});

describe("saveWebhookResults", () => {
  it("writes to artifacts/bench/webhook.json by default, or where it is told", () => {
    expect(WEBHOOK_RESULTS_FILE).toMatch(/artifacts[/\\]bench[/\\]webhook\.json$/);
    const directory = mkdtempSync(join(tmpdir(), "webhook-results-"));
    try {
      const file = saveWebhookResults({ ratio: 0.9 }, join(directory, "nested", "webhook.json"));
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ratio: 0.9 });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
