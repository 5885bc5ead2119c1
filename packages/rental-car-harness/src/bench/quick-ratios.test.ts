import { describe, expect, it } from "@jest/globals";
import { parseRatios, verdictOf } from "./quick-ratios";

describe("the quick mode's verdict", () => {
  const throughput = { path: "store", target: 0.9, better: "higher" } as const;
  const latency = { path: "p99", target: 3, better: "lower" } as const;

  it("fails a throughput ratio only below half its target", () => {
    expect(verdictOf({ ...throughput, value: 0.95 }).status).toBe("target met");
    expect(verdictOf({ ...throughput, value: 0.45 }).status).toBe("target missed");
    expect(verdictOf({ ...throughput, value: 0.44 }).status).toBe("regressed");
  });

  it("fails a latency ratio only beyond twice its ceiling", () => {
    expect(verdictOf({ ...latency, value: 2.5 }).status).toBe("target met");
    expect(verdictOf({ ...latency, value: 6 }).status).toBe("target missed");
    expect(verdictOf({ ...latency, value: 6.1 }).status).toBe("regressed");
  });

  it("fails at a path's own bound when it names one", () => {
    const missed = { ...throughput, target: 0.5, bound: 0.1 };
    expect(verdictOf({ ...missed, value: 0.2 }).status).toBe("target missed");
    expect(verdictOf({ ...missed, value: 0.09 })).toMatchObject({
      status: "regressed",
      floor: "< 0.10×",
    });
  });

  it("refuses results without ratios or with a malformed one", () => {
    expect(() => parseRatios("store.json", { runs: [] })).toThrow(/no "ratios"/);
    expect(() =>
      parseRatios("store.json", { ratios: [{ ...throughput, value: Number.NaN }] }),
    ).toThrow(/malformed ratio/);
    expect(parseRatios("store.json", { ratios: [{ ...throughput, value: 1 }] })).toHaveLength(1);
  });
});
