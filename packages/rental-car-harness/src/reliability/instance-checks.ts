/**
 * @module
 * What the reliability run proves about running several instances, beyond the exactly-once
 * invariants: a rate limit counts across instances; a payment made just after reconciliation
 * checked its session, with every webhook of it dropped, is found by the next pass (not a lease
 * later); and every instance takes part in reconciliation.
 */
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AppTables } from "@linkpay/example-rental-car/db/app-tables";
import { lookupsAcross } from "@linkpay/rental-car-http-client";
import { type Sandbox, TEST_CARDS } from "@linkpay/sandbox";
import { type Kysely, sql } from "@linkpay/store-sql";
import type { Verdict } from "./invariants";
import { runJourney, seededRandom, shopperEmail } from "./journeys";
import type { RunProvider } from "./run-provider";

/** The app's "find my booking" limit per client (15 minutes). */
const LOOKUP_LIMIT = 10;

/** Polls `check` every 100 ms until it returns a value; throws after `timeoutMs`. */
async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One client's lookups sent to each instance in turn: the first {@link LOOKUP_LIMIT} answer (200,
 * the "no such booking" page), the next two are refused (429), one on each instance.
 */
export async function checkSharedLimit(instanceOrigins: readonly string[]): Promise<Verdict> {
  const address = `10.250.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const statuses = await lookupsAcross(instanceOrigins, LOOKUP_LIMIT + 2, address);
  const expected = [...Array<number>(LOOKUP_LIMIT).fill(200), 429, 429];
  const ok = statuses.every((status, i) => status === expected[i]);
  return {
    name: `the ${LOOKUP_LIMIT + 1}th lookup is refused whichever instance it reaches`,
    ok,
    detail: ok
      ? `${LOOKUP_LIMIT} answered across ${instanceOrigins.length} instances, then 429 on each`
      : `statuses ${statuses.join(",")}`,
  };
}

/**
 * Books through the balancer, drops every webhook of the session, waits until reconciliation has
 * asked the provider about it (still open), pays at that moment and measures how long until the
 * booking is confirmed. It must be within one reconcile interval plus the staleness threshold.
 */
export async function checkPaidAfterCheck(input: {
  readonly appUrl: string;
  readonly sandbox: Sandbox;
  readonly provider: RunProvider;
  readonly db: Kysely<AppTables>;
  /** The database with linkpay's tables, and the physical name of its attempts table. */
  readonly rawDb: Kysely<object>;
  readonly attemptsTable: string;
  readonly intervalSeconds: number;
  readonly afterSeconds: number;
  readonly seed: number;
}): Promise<Verdict & { readonly seconds: number | undefined }> {
  const name =
    "a payment made just after a reconciliation check, webhooks dropped, is confirmed within interval + staleness";
  const boundMs = (input.intervalSeconds + input.afterSeconds) * 1000;
  const { provider, sandbox } = input;
  const shopperIndex = 900_000;
  const booked = await runJourney(
    input.appUrl,
    provider.hostedPage,
    "abandon",
    seededRandom(input.seed),
    shopperIndex,
  );
  const sessionId = booked.sessionId;
  const reference = (
    await input.db
      .selectFrom("rc_bookings")
      .select("reference")
      .where("customer_email", "=", shopperEmail(shopperIndex))
      .executeTakeFirst()
  )?.reference;
  if (sessionId === undefined || reference === undefined)
    return { name, ok: false, detail: `booking failed: ${booked.problem}`, seconds: undefined };
  const undrop = provider.dropWebhooks(sandbox, sessionId);
  // Reconciliation claims the attempt, asks the provider and, the session still open, releases
  // the claim at once: `claimed_until` set and already past means "checked, nothing changed".
  await waitFor("a reconciliation check", boundMs + 10_000, async () => {
    const { rows } = await sql<{ checked: boolean }>`
      select claimed_until is not null and claimed_until <= now() as checked
      from ${sql.table(input.attemptsTable)} where order_ref = ${reference}`.execute(input.rawDb);
    return rows.some((row) => row.checked) ? true : undefined;
  });
  const paidAt = Date.now();
  const paid = await provider.hostedPage.card(
    provider.hostedUrl(sandbox, sessionId),
    TEST_CARDS.success,
  );
  if (paid.status !== 303) {
    undrop();
    return { name, ok: false, detail: `payment answered ${paid.status}`, seconds: undefined };
  }
  const confirmedAfter = await waitFor(
    "the booking to be confirmed",
    boundMs + 30_000,
    async () => {
      const booking = await input.db
        .selectFrom("rc_bookings")
        .select("status")
        .where("reference", "=", reference)
        .executeTakeFirst();
      return booking?.status === "confirmed" ? Date.now() - paidAt : undefined;
    },
  ).catch(() => undefined);
  undrop();
  const seconds = confirmedAfter === undefined ? undefined : confirmedAfter / 1000;
  const dropped = provider
    .deliveries(sandbox, sessionId)
    .filter((delivery) => delivery.status === "dropped").length;
  return {
    name,
    ok: confirmedAfter !== undefined && confirmedAfter <= boundMs,
    detail: `${seconds === undefined ? "never confirmed" : `confirmed ${seconds.toFixed(1)} s after payment`} (bound ${boundMs / 1000} s; ${dropped} webhooks dropped)`,
    seconds,
  };
}

/** What each logged reconciliation pass reported (`checked`, `changed`) in one instance's log. */
export function reconcilePasses(
  logFile: string,
): { readonly checked: number; readonly changed: number }[] {
  const passes: { checked: number; changed: number }[] = [];
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.includes('"reconciliation pass"')) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== "object" || parsed === null) continue;
      const count = (field: string) => {
        const value: unknown = Reflect.get(parsed, field);
        return typeof value === "number" ? value : 0;
      };
      passes.push({ checked: count("checked"), changed: count("changed") });
    } catch {
      // not a JSON line
    }
  }
  return passes;
}

/** Every instance ran reconciliation passes that checked something. */
export function checkReconcileShared(logFiles: readonly string[]): Verdict {
  const passes = logFiles.map((file) => reconcilePasses(file).filter((p) => p.checked > 0).length);
  return {
    name: "every instance does reconciliation work",
    ok: passes.length > 1 && passes.every((count) => count > 0),
    detail: `passes that checked attempts, per instance: ${passes.join(", ")}`,
  };
}
