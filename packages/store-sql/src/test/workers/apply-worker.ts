/**
 * @module
 * A webhook-receiving app instance for the multi-process and crash tests, run as
 * `node dist/test/workers/apply-worker.js <url> <deliveries.json> [concurrency] [hookDelayMs]`.
 * It opens its own store (its own pool or file handle), applies every delivery like a webhook
 * endpoint would, and retries retryable errors like a PSP would. Each hook writes `hook_calls`
 * in the store's transaction and prints `hook` while that transaction is still open. The last
 * stdout line is a JSON summary.
 */
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { createPayments, isLinkpayError } from "@linkpay/core";
import { createFakeProvider } from "@linkpay/core/testing";
import { createSqlStore } from "../../store/sql-store";
import { recordingHooks } from "../hook-table";
import type { SerializedDelivery } from "../order-scenario";

const MAX_TRIES = 20;

async function main(): Promise<void> {
  const [url, file, concurrencyArg = "4", delayArg = "0"] = process.argv.slice(2);
  if (url === undefined || file === undefined) throw new Error("usage: apply-worker <url> <file>");
  const deliveries: SerializedDelivery[] = JSON.parse(readFileSync(file, "utf8"));
  const hookDelayMs = Number(delayArg);
  const store = createSqlStore({ url, poolSize: Number(concurrencyArg) });
  const fake = createFakeProvider();
  const hooks = recordingHooks({
    afterWrite: async () => {
      process.stdout.write("hook\n");
      if (hookDelayMs > 0) await sleep(hookDelayMs);
    },
  });
  const payments = createPayments({
    providers: [fake],
    store,
    urls: { success: "https://shop.example/ok", cancel: "https://shop.example/cancel" },
    hooks,
  });
  const outcomes: Record<string, number> = {};
  const errors: Record<string, number> = {};
  let next = 0;
  async function lane(): Promise<void> {
    for (let index = next++; index < deliveries.length; index = next++) {
      const delivery = deliveries[index];
      if (delivery === undefined) continue;
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await payments.handleWebhook({ provider: fake.id, ...delivery });
          outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
          break;
        } catch (error) {
          const code = isLinkpayError(error) ? error.code : String(error);
          errors[code] = (errors[code] ?? 0) + 1;
          if (!isLinkpayError(error) || !error.retryable || attempt >= MAX_TRIES) throw error;
          await sleep(10 * attempt);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Number(concurrencyArg) }, lane));
  await store.close();
  process.stdout.write(`${JSON.stringify({ outcomes, errors })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
