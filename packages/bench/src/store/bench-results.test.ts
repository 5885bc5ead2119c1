import { describe, expect, it } from "@jest/globals";
import { median, resultsTable, summarize } from "./bench-results";

const run = (perSecond: number, cpuMicros: number) => ({ perSecond, cpuMicros });

describe("the store benchmark's results", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("rates a scenario by its median rounds and the median of its per-round ratios", () => {
    const summary = summarize({
      scenario: "SQLite",
      rounds: [
        // A slow round for both paths (the machine was busy) must not skew the ratio.
        { store: run(900, 120), baseline: run(1000, 100) },
        { store: run(400, 130), baseline: run(500, 90) },
        { store: run(950, 110), baseline: run(1000, 95) },
      ],
    });
    expect(summary).toMatchObject({
      store: 900,
      baseline: 1000,
      storeCpuMicros: 120,
      baselineCpuMicros: 95,
    });
    expect(summary.ratio).toBeCloseTo(0.9);
    expect(resultsTable([summary])).toContain("| SQLite | 900 | 1000 | 0.90× | 120 / 95 |");
  });
});
