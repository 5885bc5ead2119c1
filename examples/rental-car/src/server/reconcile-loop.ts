/**
 * @module
 * The reconciliation loop: every interval, ask the provider about checkouts that have been open
 * or processing for a while and apply what it says (a webhook that never came, say). Several
 * instances may run it: linkpay leases each attempt to one of them.
 */
import type { Payments } from "@linkpay/core";
import type { LinkpayLogger } from "@linkpay/express";

/** Starts the loop; the returned function stops it and waits for a pass in progress. */
export function startReconcileLoop(input: {
  readonly payments: Payments;
  readonly logger: LinkpayLogger;
  readonly intervalSeconds: number;
  /** Only attempts untouched this long (default 120 s: webhooks usually arrive in seconds). */
  readonly olderThanSeconds?: number | undefined;
}): () => Promise<void> {
  if (input.intervalSeconds === 0) return async () => {};
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        const report = await input.payments.reconcile({
          olderThanSeconds: input.olderThanSeconds ?? 120,
        });
        if (report.checked > 0) input.logger.info({ ...report }, "reconciliation pass");
      } catch (error) {
        input.logger.error({ err: error }, "reconciliation pass failed");
      }
    });
  }, input.intervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
