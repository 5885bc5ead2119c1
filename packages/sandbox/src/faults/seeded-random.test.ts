import { describe, expect, it } from "@jest/globals";
import { seededRandom } from "./seeded-random";

describe("seededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const take = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it("stays in [0, 1) and spreads its values", () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 10_000 }, () => random());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const below = values.filter((value) => value < 0.3).length / values.length;
    expect(below).toBeGreaterThan(0.27);
    expect(below).toBeLessThan(0.33);
  });
});
