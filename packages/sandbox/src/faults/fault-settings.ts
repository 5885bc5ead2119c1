/**
 * @module
 * The faults the sandbox can inject, as zod schemas. Each one imitates something a real payment
 * provider does (see docs/sandbox.md): delivery faults act on webhooks, API faults on `/v1` calls.
 */
import * as z from "zod";

const probability = z.number().min(0).max(1);
const milliseconds = z
  .number()
  .int()
  .min(0)
  .max(10 * 60_000);

/** `true`: every event; `{ probability }`: each event with that chance; `false`: off. */
const chance = z.union([z.boolean(), z.strictObject({ probability })]);

/**
 * Webhook faults, for all sessions or one.
 * - `duplicate`: deliver each event N times in total (Stripe: "endpoints might occasionally
 *   receive the same event more than once").
 * - `delayMs`: hold each delivery back (slow or backed-up delivery queues).
 * - `reorder`: hold an event until the next event of the same session was delivered (Stripe does
 *   not guarantee delivery order).
 * - `drop`: never deliver (an endpoint that was down past the retry window, or a misconfigured
 *   endpoint); the event stays in `/v1/events` for reconciliation.
 * - `badSignature`: sign with a wrong secret (a forged request, or a rotated secret).
 * - `eventTypes`: apply the faults above only to these event types (`checkout.session.*` works).
 */
const deliveryFaultsShape = {
  duplicate: z
    .union([
      z.number().int().min(1).max(10),
      z.strictObject({ probability, copies: z.number().int().min(2).max(10).default(2) }),
    ])
    .optional(),
  delayMs: z.union([milliseconds, z.strictObject({ probability, ms: milliseconds })]).optional(),
  reorder: z
    .union([
      z.boolean(),
      z.strictObject({ probability: probability.default(1), maxHoldMs: milliseconds.optional() }),
    ])
    .optional(),
  drop: chance.optional(),
  badSignature: chance.optional(),
  eventTypes: z.array(z.string().min(1)).min(1).optional(),
};

/**
 * API faults (global only).
 * - `apiError`: answer the next `count` API calls (or each call with `probability`) with a 500
 *   `api_error` or a 429 `rate_limit_error`, as Stripe does under incidents or load.
 * - `apiDelayMs`: answer every API call this much later (a slow provider; client timeouts).
 */
const apiFaultsShape = {
  apiError: z
    .strictObject({
      status: z.union([z.literal(500), z.literal(429)]).default(500),
      count: z.number().int().min(1).max(1000).optional(),
      probability: probability.optional(),
    })
    .optional(),
  apiDelayMs: milliseconds.optional(),
};

/** Schema of the faults for one session (delivery faults only). */
export const sessionFaultsSchema = z.strictObject(deliveryFaultsShape);

/** Schema of the global faults (delivery and API faults). */
export const globalFaultsSchema = z.strictObject({ ...deliveryFaultsShape, ...apiFaultsShape });

/** Faults for one session, as written by callers. */
export type SessionFaultSettings = z.input<typeof sessionFaultsSchema>;
/** Global faults, as written by callers (`{}` clears every fault). */
export type FaultSettings = z.input<typeof globalFaultsSchema>;
/** Validated session faults. */
export type DeliveryFaults = z.output<typeof sessionFaultsSchema>;
/** Validated global faults. */
export type GlobalFaults = z.output<typeof globalFaultsSchema>;
