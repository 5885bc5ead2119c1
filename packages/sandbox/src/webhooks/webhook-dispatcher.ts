/**
 * @module
 * Webhook dispatch: each new event becomes a delivery to every endpoint that wants its type,
 * disturbed on demand by the faults in force (dropped, duplicated, delayed, held back for
 * reordering, badly signed), and recorded in the delivery log. Nothing here blocks an API
 * response: the {@link DeliveryEngine} sends in the background.
 */
import { resourceMissing } from "../api/sandbox-api-error";
import { matchesAnyEventType } from "../events/event-type-pattern";
import type { DeliveryPlan } from "../faults/fault-state";
import { newId } from "../ids/new-id";
import { DeliveryEngine, type DeliveryJob } from "./delivery-engine";
import type { DeliveryRecord } from "./delivery-record";
import type { DispatcherOptions, SessionEvent } from "./dispatcher-options";
import { ReorderHolds } from "./reorder-holds";
import type { OutgoingEvent } from "./webhook-signer";

type JobMeta = Pick<DeliveryRecord, "faults" | "copy" | "copies" | "resendOf">;

/** Delivers one provider's events to its webhook endpoints and keeps their delivery log. */
export class WebhookDispatcher<E extends OutgoingEvent> {
  readonly #options: DispatcherOptions<E>;
  readonly #engine: DeliveryEngine<E>;
  readonly #jobs = new Map<string, DeliveryJob<E>>();
  readonly #held = new ReorderHolds<DeliveryJob<E>>();

  constructor(options: DispatcherOptions<E>) {
    this.#options = options;
    this.#engine = new DeliveryEngine(options);
    options.events.onEvent((stored) => this.#dispatch(stored));
  }

  /** Whether a delivery with this id is in this dispatcher's log. */
  has(deliveryId: string): boolean {
    return this.#jobs.has(deliveryId);
  }

  /**
   * Sends `event` to every endpoint that wants its type, without faults (KOMOJU's `ping` when a
   * webhook is set up). It is not an event of the log, so `GET /events` does not list it.
   */
  announce(event: E): void {
    const meta = { faults: [], copy: 1, copies: 1, resendOf: null };
    this.#options.endpoints.forEach((endpoint, endpointIndex) => {
      if (!matchesAnyEventType(endpoint.enabledEvents, event.type)) return;
      this.#engine.start(this.#newJob(event, endpointIndex, "", meta, false), 0);
    });
  }

  /** Every delivery so far, oldest first (copies, safe to keep). */
  list(): DeliveryRecord[] {
    return [...this.#jobs.values()].map((job) => structuredClone(job.record));
  }

  /** How many endpoints have not yet acknowledged an event (Stripe's `pending_webhooks`). */
  pendingCount(eventId: string): number {
    const pending = new Set<number>();
    const done = new Set<number>();
    for (const job of this.#jobs.values()) {
      if (job.record.eventId !== eventId) continue;
      (job.record.status === "succeeded" ? done : pending).add(job.queueKey);
    }
    return [...pending].filter((index) => !done.has(index)).length;
  }

  /** Sends a delivery's event to its endpoint again, without faults; returns the new delivery. */
  resend(id: string): DeliveryRecord {
    const original = this.#jobs.get(id);
    if (original === undefined) throw resourceMissing("delivery", id, "delivery");
    const meta = { faults: [], copy: 1, copies: 1, resendOf: id };
    const job = this.#newJob(
      original.event,
      original.queueKey,
      original.record.sessionId,
      meta,
      false,
    );
    this.#engine.start(job, 0);
    return structuredClone(job.record);
  }

  /** Resolves once every scheduled delivery has succeeded, failed or been dropped. */
  whenSettled(): Promise<void> {
    return this.#engine.whenSettled();
  }

  /** Stops every pending attempt and timer. */
  close(): void {
    this.#held.clear();
    this.#engine.close(this.#jobs.values());
  }

  #dispatch({ event, sessionId }: SessionEvent<E>): void {
    this.#options.endpoints.forEach((endpoint, endpointIndex) => {
      if (!matchesAnyEventType(endpoint.enabledEvents, event.type)) return;
      const plan = this.#options.faults.planDelivery(event.type, sessionId);
      this.#route(event, sessionId, endpointIndex, plan);
    });
  }

  #route(event: E, sessionId: string, endpointIndex: number, plan: DeliveryPlan): void {
    const shared = { faults: plan.applied, copies: plan.copies, resendOf: null };
    if (plan.drop) {
      const job = this.#newJob(
        event,
        endpointIndex,
        sessionId,
        { ...shared, copy: 1, copies: 1 },
        false,
      );
      job.record.status = "dropped";
      this.#options.logger.info(
        { deliveryId: job.record.id, eventId: event.id },
        "webhook dropped (fault)",
      );
      return;
    }
    const jobs = Array.from({ length: plan.copies }, (_, index) =>
      this.#newJob(
        event,
        endpointIndex,
        sessionId,
        { ...shared, copy: index + 1 },
        plan.badSignature,
      ),
    );
    const key = `${endpointIndex}:${sessionId}`;
    if (plan.reorder !== undefined && !this.#held.has(key)) {
      for (const job of jobs) this.#engine.hold(job);
      this.#held.hold(key, jobs, plan.reorder.maxHoldMs, (held) => this.#release(held, 0));
      return;
    }
    for (const job of jobs) this.#engine.start(job, plan.delayMs);
    this.#release(this.#held.take(key), plan.delayMs);
  }

  /** Starts held jobs (after the event that overtook them, or when their hold timed out). */
  #release(held: readonly DeliveryJob<E>[], delayMs: number): void {
    for (const job of held) this.#engine.release(job, delayMs);
  }

  #newJob(
    event: E,
    endpointIndex: number,
    sessionId: string,
    meta: JobMeta,
    badSignature: boolean,
  ): DeliveryJob<E> {
    const endpoint = this.#options.endpoints[endpointIndex];
    if (endpoint === undefined) throw new RangeError(`no webhook endpoint #${endpointIndex}`);
    const record: DeliveryRecord = {
      id: newId("delivery"),
      eventId: event.id,
      eventType: event.type,
      sessionId,
      endpoint: endpoint.url,
      ...meta,
      createdAt: this.#options.clock().toISOString(),
      status: "queued",
      nextAttemptAt: null,
      attempts: [],
    };
    const job: DeliveryJob<E> = { record, endpoint, queueKey: endpointIndex, event, badSignature };
    this.#jobs.set(record.id, job);
    return job;
  }
}
