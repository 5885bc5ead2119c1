/**
 * @module
 * Refunds in the reliability run: two "operator" processes' worth of `payments.refund` (two
 * Payments services, each with its own pool on the run's PostgreSQL, as two app instances would
 * have) refund paid bookings while the sandbox duplicates, reorders and drops the refund webhooks
 * that the app instances receive. Every refund is asked for twice at once with the same key, as a
 * double click reaching both instances would. Then, from the database and the sandbox's records:
 * no payment refunded beyond what was paid, each refund applied once, each with its actor and the
 * state change it caused.
 */
import {
  createPayments,
  isLinkpayError,
  money,
  type PaymentProvider,
  type Payments,
} from "@linkpay/core";
import { createSqlStore, type Kysely, type SqlStore, sql } from "@linkpay/store-sql";
import type { Verdict } from "./invariants";
import type { PspSession } from "./psp-sessions";

/** The two operators and how to let go of them. */
export interface Operators {
  readonly payments: readonly Payments[];
  close(): Promise<void>;
}

/** Two Payments services on the run's database, each with its own `provider()` (the run's). */
export function startOperators(input: {
  readonly databaseUrl: string;
  /** A provider client for the sandbox, as the app instances are configured. */
  readonly provider: () => PaymentProvider;
}): Operators {
  const stores: SqlStore[] = [];
  const payments = [0, 1].map(() => {
    const store = createSqlStore({ url: input.databaseUrl, poolSize: 2 });
    stores.push(store);
    return createPayments({
      providers: [input.provider()],
      store,
      urls: { success: "http://127.0.0.1:9/ok", cancel: "http://127.0.0.1:9/cancel" },
      allowInsecureLocalhost: true,
    });
  });
  return {
    payments,
    async close() {
      await Promise.all(stores.map((store) => store.close()));
    },
  };
}

/** What the refunds did, for the report. */
export interface RefundRun {
  readonly asked: number;
  readonly refusedAsTooMuch: number;
  readonly problems: readonly string[];
}

/**
 * Refunds the first `count` card-paid bookings: a third in full, a third in two parts (a third,
 * then the rest), a third in part followed by an attempt at more than is left (which must be
 * refused with REFUND_EXCEEDS_REMAINING). Each request goes to both operators at once, same key.
 */
export async function refundSome(
  operators: Operators,
  paid: readonly PspSession[],
  count: number,
): Promise<RefundRun> {
  const [a, b] = operators.payments;
  if (a === undefined || b === undefined) throw new Error("two operators expected");
  let asked = 0;
  let refusedAsTooMuch = 0;
  const problems: string[] = [];
  const twice = async (orderRef: string, amount: number | undefined, key: string) => {
    asked++;
    const request = {
      orderRef,
      ...(amount === undefined ? {} : { amount: money(amount, "JPY") }),
      reason: "reliability run",
      actor: "operator",
      idempotencyKey: key,
    };
    const [first, second] = await Promise.allSettled([a.refund(request), b.refund(request)]);
    const ids = [first, second].flatMap((r) =>
      r.status === "fulfilled" ? [r.value.refund.id] : [],
    );
    if (new Set(ids).size > 1) problems.push(`${orderRef}: one key gave two refunds`);
    if (ids.length === 0) problems.push(`${orderRef}: ${key} refused on both operators`);
  };
  for (const [index, session] of paid.slice(0, count).entries()) {
    const orderRef = session.reference;
    const third = Math.floor(session.amountTotal / 3);
    if (index % 3 === 0) {
      await twice(orderRef, undefined, `rel-${orderRef}-full`);
    } else if (index % 3 === 1) {
      await twice(orderRef, third, `rel-${orderRef}-1`);
      await twice(orderRef, undefined, `rel-${orderRef}-2`);
    } else {
      await twice(orderRef, third, `rel-${orderRef}-1`);
      const over = await a
        .refund({
          orderRef,
          amount: money(session.amountTotal - third + 1, "JPY"),
          reason: "more than is left",
          actor: "operator",
          idempotencyKey: `rel-${orderRef}-over`,
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      if (isLinkpayError(over, "REFUND_EXCEEDS_REMAINING")) refusedAsTooMuch++;
      else problems.push(`${orderRef}: an over-refund was not refused (${String(over)})`);
    }
  }
  return { asked, refusedAsTooMuch, problems };
}

interface AttemptRefunds {
  readonly order_ref: string;
  readonly amount: string | number;
  readonly refunded_amount: string | number;
  readonly asked: string | number | null;
  readonly succeeded: string | number | null;
  readonly without_actor: string | number;
  readonly refund_audits: string | number;
}

/** The refund invariants, from the database and the sandbox's own records. */
export async function checkRefunds(input: {
  readonly rawDb: Kysely<object>;
  /** linkpay's physical table names (`store.tables`). */
  readonly tables: Readonly<Record<"attempts" | "refunds" | "audit", string>>;
  readonly sessions: readonly PspSession[];
  readonly run: RefundRun;
}): Promise<Verdict[]> {
  const attempts = sql.table(input.tables.attempts);
  const refunds = sql.table(input.tables.refunds);
  const audit = sql.table(input.tables.audit);
  const rows = await sql<AttemptRefunds>`
    select a.order_ref, a.amount, a.refunded_amount,
      (select sum(r.amount) from ${refunds} r where r.attempt_id = a.id and r.status <> 'failed') as asked,
      (select sum(r.amount) from ${refunds} r where r.attempt_id = a.id and r.status = 'succeeded') as succeeded,
      (select count(*) from ${refunds} r where r.attempt_id = a.id and trim(r.actor) = '') as without_actor,
      (select count(*) from ${audit} u where u.attempt_id = a.id
        and u.to_status in ('partially_refunded', 'refunded')) as refund_audits
    from ${attempts} a
    where exists (select 1 from ${refunds} r where r.attempt_id = a.id) or a.refunded_amount > 0`.execute(
    input.rawDb,
  );
  const bySession = new Map(input.sessions.map((s) => [s.reference, s]));
  const over: string[] = [];
  const notOnce: string[] = [];
  const noTrace: string[] = [];
  let refunded = 0;
  for (const row of rows.rows) {
    const amount = Number(row.amount);
    const confirmed = Number(row.refunded_amount);
    const asked = Number(row.asked ?? 0);
    const succeeded = Number(row.succeeded ?? 0);
    const atSandbox = bySession.get(row.order_ref)?.amountRefunded ?? 0;
    refunded += confirmed;
    if (confirmed > amount || asked > amount || atSandbox > amount) {
      over.push(`${row.order_ref}:${confirmed}/${asked}/${atSandbox} of ${amount}`);
    }
    if (atSandbox !== succeeded || confirmed !== atSandbox) {
      notOnce.push(
        `${row.order_ref}: sandbox ${atSandbox}, asked ${succeeded}, confirmed ${confirmed}`,
      );
    }
    if (Number(row.without_actor) > 0 || (confirmed > 0 && Number(row.refund_audits) === 0)) {
      noTrace.push(row.order_ref);
    }
  }
  return [
    {
      name: "refunds never exceed what was paid",
      ok: over.length === 0 && input.run.problems.length === 0,
      detail:
        over.length + input.run.problems.length === 0
          ? `${rows.rows.length} refunded payments, ¥${refunded} refunded; ${input.run.refusedAsTooMuch} over-refunds refused`
          : [...over, ...input.run.problems].slice(0, 5).join(", "),
    },
    {
      name: "each refund applied once (sandbox = asked = confirmed)",
      ok: notOnce.length === 0,
      detail:
        notOnce.length === 0
          ? `${input.run.asked} refunds, each asked twice at once`
          : notOnce.slice(0, 5).join(", "),
    },
    {
      name: "every refund has its actor and the state change it caused in the audit",
      ok: noTrace.length === 0,
      detail: noTrace.length === 0 ? "all" : noTrace.slice(0, 5).join(", "),
    },
  ];
}
