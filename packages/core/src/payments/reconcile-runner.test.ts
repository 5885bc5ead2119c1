import { describe, expect, it } from "@jest/globals";
import { codeOf } from "../testing/error-capture";
import type { Logger } from "./logger";
import type { ReconcileReport } from "./reconcile";
import { type RunnerTimers, startReconcileRunner } from "./reconcile-runner";

const report = (changed = 0): ReconcileReport => ({
  checked: changed,
  changed,
  unchanged: 0,
  failed: [],
});

/** Timers the test fires by hand: at most one is ever pending, which is the point. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const timers: RunnerTimers = {
    setTimeout: (run, ms) => {
      pending.set(++next, { run, ms });
      return next;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  return {
    timers,
    pending,
    /** Fires the one pending timer, returning the delay it was set for. */
    fire(): number {
      expect(pending.size).toBe(1);
      const [id, timer] = [...pending][0] ?? [];
      if (id === undefined || timer === undefined) throw new Error("no timer pending");
      pending.delete(id);
      timer.run();
      return timer.ms;
    },
  };
}

/** A reconcile whose passes the test ends by hand. */
function controlledReconcile() {
  const calls: (() => void)[] = [];
  return {
    calls,
    payments: {
      reconcile: () =>
        new Promise<ReconcileReport>((resolve) => {
          calls.push(() => resolve(report(1)));
        }),
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("startReconcileRunner", () => {
  it("schedules the next pass only when the current one has ended, so passes never pile up", async () => {
    const clock = manualTimers();
    const reconcile = controlledReconcile();
    startReconcileRunner({
      payments: reconcile.payments,
      timers: clock.timers,
      jitter: 0,
      intervalSeconds: 10,
    });
    expect(clock.fire()).toBe(10_000);
    expect(reconcile.calls).toHaveLength(1);
    // A slow pass: however long it takes, nothing else is scheduled.
    expect(clock.pending.size).toBe(0);
    reconcile.calls[0]?.();
    await settle();
    expect(clock.fire()).toBe(10_000);
    expect(reconcile.calls).toHaveLength(2);
  });

  it("spreads the first wait over one interval, and jitters later ones within ±jitter", async () => {
    const clock = manualTimers();
    const randoms = [0.25, 0, 0.999];
    const payments = { reconcile: async () => report() };
    startReconcileRunner({
      payments,
      timers: clock.timers,
      intervalSeconds: 60,
      jitter: 0.2,
      random: () => randoms.shift() ?? 0.5,
    });
    expect(clock.fire()).toBe(15_000);
    await settle();
    const low = clock.fire();
    await settle();
    const high = [...clock.pending.values()][0]?.ms ?? 0;
    expect(low).toBe(48_000);
    expect(high).toBeGreaterThan(71_900);
    expect(high).toBeLessThanOrEqual(72_000);
  });

  it("stop() waits for the pass in progress only, and nothing runs after it", async () => {
    const clock = manualTimers();
    const reconcile = controlledReconcile();
    const runner = startReconcileRunner({ payments: reconcile.payments, timers: clock.timers });
    clock.fire();
    let stopped = false;
    const stopping = runner.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    reconcile.calls[0]?.();
    await stopping;
    expect(stopped).toBe(true);
    expect(clock.pending.size).toBe(0);
  });

  it("stop() between passes cancels the timer and resolves at once", async () => {
    const clock = manualTimers();
    const reconcile = controlledReconcile();
    const runner = startReconcileRunner({ payments: reconcile.payments, timers: clock.timers });
    await runner.stop();
    expect(clock.pending.size).toBe(0);
    expect(reconcile.calls).toHaveLength(0);
  });

  it("logs a failed pass and keeps going", async () => {
    const clock = manualTimers();
    const errors: object[] = [];
    const logger: Logger = { info() {}, warn() {}, error: (fields) => errors.push(fields) };
    let calls = 0;
    const payments = {
      reconcile: async () => {
        calls++;
        if (calls === 1) throw new Error("database restarting");
        return report();
      },
    };
    startReconcileRunner({ payments, timers: clock.timers, logger });
    clock.fire();
    await settle();
    expect(errors).toHaveLength(1);
    clock.fire();
    await settle();
    expect(calls).toBe(2);
  });

  it("refuses an interval or jitter out of range", () => {
    const payments = { reconcile: async () => report() };
    expect(codeOf(() => startReconcileRunner({ payments, intervalSeconds: 0 }))).toBe(
      "CONFIG_INVALID",
    );
    expect(codeOf(() => startReconcileRunner({ payments, jitter: 1.5 }))).toBe("CONFIG_INVALID");
  });
});
