/**
 * @module
 * Tests for the webhook benchmark's command line: the full and `--quick` presets, positional
 * overrides, profiling and output options, and refusal of anything else.
 */
import { describe, expect, it } from "@jest/globals";
import { parseBenchOptions } from "./bench-options";

describe("parseBenchOptions", () => {
  it("runs 5 s × 3 rounds on 10 connections after a 2 s warm-up by default", () => {
    expect(parseBenchOptions([])).toEqual({
      seconds: 5,
      rounds: 3,
      connections: 10,
      warmUpSeconds: 2,
      quick: false,
      cpuProfileDirectory: undefined,
      out: undefined,
    });
  });

  it("runs 2 s × 3 rounds after a 1 s warm-up with --quick", () => {
    expect(parseBenchOptions(["--quick"])).toMatchObject({
      seconds: 2,
      rounds: 3,
      warmUpSeconds: 1,
      quick: true,
    });
  });

  it("still takes seconds, rounds and connections as positional arguments", () => {
    expect(parseBenchOptions(["8", "5", "20"])).toMatchObject({
      seconds: 8,
      rounds: 5,
      connections: 20,
    });
    expect(parseBenchOptions(["--quick", "1"])).toMatchObject({ seconds: 1, rounds: 3 });
  });

  it("takes a profile directory and an output file", () => {
    expect(
      parseBenchOptions(["--cpu-prof", "/tmp/profiles", "--out", "/tmp/webhook.json"]),
    ).toMatchObject({ cpuProfileDirectory: "/tmp/profiles", out: "/tmp/webhook.json" });
  });

  it("refuses unknown options, non-integers and extra arguments", () => {
    expect(() => parseBenchOptions(["--fast"])).toThrow();
    expect(() => parseBenchOptions(["0"])).toThrow(TypeError);
    expect(() => parseBenchOptions(["2.5"])).toThrow(TypeError);
    expect(() => parseBenchOptions(["1", "2", "3", "4"])).toThrow(TypeError);
  });
});
