import { describe, expect, it } from "@jest/globals";
import { pollUntil } from "./poll";

describe("pollUntil", () => {
  it("returns the value once the probe is done", async () => {
    let calls = 0;
    const value = await pollUntil(
      async () => (++calls === 3 ? { done: true, value: "paid" } : { done: false, seen: "open" }),
      { what: "payment", timeoutMs: 10_000, intervalMs: 1 },
    );
    expect(value).toBe("paid");
    expect(calls).toBe(3);
  });

  it("throws with what it waited for and what it last saw, on the injected clock", async () => {
    let clock = 0;
    const probe = async () => {
      clock += 600;
      return { done: false as const, seen: `status open at ${clock}` };
    };
    await expect(
      pollUntil(probe, { what: "payment", timeoutMs: 1000, intervalMs: 1, now: () => clock }),
    ).rejects.toThrow("waiting for payment; last seen: status open at 1200");
  });
});
