/**
 * @module
 * Runs deliveries: first attempts in order per endpoint, retries with exponential backoff on
 * non-2xx answers, timeouts and connection errors, and a count of unfinished deliveries so
 * callers can wait for quiet. Which deliveries exist, and how faults disturb them, is the
 * dispatcher's business.
 */
import type { Logger } from "@linkpay/core";
import type { Clock } from "../clock/clock";
import { type DeliveryRecord, type DeliveryStatus, isFinal } from "./delivery-record";
import type { RetryPolicy, WebhookEndpoint } from "./dispatcher-options";
import { acknowledged, sendAttempt } from "./send-attempt";
import { TimerSet } from "./timer-set";
import type { OutgoingEvent, WebhookSigner } from "./webhook-signer";

/** One delivery to run. */
export interface DeliveryJob<E extends OutgoingEvent> {
  readonly record: DeliveryRecord;
  readonly endpoint: WebhookEndpoint;
  /** First attempts with the same key are sent one after another. */
  readonly queueKey: number;
  readonly event: E;
  /** Sign with a wrong secret (the `badSignature` fault). */
  readonly badSignature: boolean;
}

/** What {@link DeliveryEngine} needs. */
export interface DeliveryEngineOptions<E extends OutgoingEvent> {
  readonly retry: RetryPolicy;
  /** Writes and signs each attempt's request. */
  readonly signer: WebhookSigner<E>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Sends, retries and settles deliveries. */
export class DeliveryEngine<E extends OutgoingEvent> {
  readonly #options: DeliveryEngineOptions<E>;
  readonly #queues = new Map<number, Promise<void>>();
  readonly #timers = new TimerSet();
  readonly #abort = new AbortController();
  readonly #idle: (() => void)[] = [];
  #active = 0;

  constructor(options: DeliveryEngineOptions<E>) {
    this.#options = options;
  }

  /** Starts a delivery after `delayMs` (0: queue it now). */
  start(job: DeliveryJob<E>, delayMs: number): void {
    this.#active += 1;
    if (delayMs > 0) {
      job.record.status = "delayed";
      this.#timers.later(delayMs, () => this.#enqueue(job));
    } else {
      this.#enqueue(job);
    }
  }

  /** Marks a delivery held back; it counts as unfinished until {@link DeliveryEngine.release}. */
  hold(job: DeliveryJob<E>): void {
    job.record.status = "held";
    this.#active += 1;
  }

  /** Starts a held delivery. */
  release(job: DeliveryJob<E>, delayMs: number): void {
    this.#active -= 1;
    this.start(job, delayMs);
  }

  /** Resolves once every started or held delivery has finished. */
  whenSettled(): Promise<void> {
    if (this.#active === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Aborts attempts in flight, cancels timers and marks unfinished `jobs` canceled. */
  close(jobs: Iterable<DeliveryJob<E>>): void {
    this.#abort.abort();
    this.#timers.clear();
    for (const job of jobs) {
      if (!isFinal(job.record.status)) this.#settle(job, "canceled");
    }
    this.#active = 0;
    this.#wakeIdle();
  }

  #enqueue(job: DeliveryJob<E>): void {
    job.record.status = "queued";
    const tail = this.#queues.get(job.queueKey) ?? Promise.resolve();
    this.#queues.set(
      job.queueKey,
      tail.then(() => this.#run(job)),
    );
  }

  /** One attempt that never rejects: if the sandbox itself fails (a throwing logger), so does the delivery. */
  #run(job: DeliveryJob<E>): Promise<void> {
    return this.#attempt(job).catch(() => {
      if (!isFinal(job.record.status)) this.#settle(job, "failed");
    });
  }

  async #attempt(job: DeliveryJob<E>): Promise<void> {
    if (this.#abort.signal.aborted) return;
    const { record, endpoint } = job;
    const { retry, clock, logger } = this.#options;
    record.status = "sending";
    record.nextAttemptAt = null;
    const attempt = await sendAttempt({
      url: endpoint.url,
      secret: endpoint.secret,
      event: job.event,
      signer: this.#options.signer,
      deliveryId: record.id,
      badSignature: job.badSignature,
      number: record.attempts.length + 1,
      timeoutMs: retry.timeoutMs,
      clock,
      signal: this.#abort.signal,
    });
    if (this.#abort.signal.aborted) return;
    record.attempts.push(attempt);
    const { number, statusCode, error } = attempt;
    logger.info(
      { deliveryId: record.id, eventId: record.eventId, number, statusCode, error },
      "webhook attempt",
    );
    if (acknowledged(attempt)) {
      this.#settle(job, "succeeded");
    } else if (number < retry.maxAttempts) {
      const wait = Math.min(retry.baseDelayMs * 2 ** (number - 1), retry.maxDelayMs);
      record.status = "retrying";
      record.nextAttemptAt = new Date(clock().getTime() + wait).toISOString();
      this.#timers.later(wait, () => void this.#run(job));
    } else {
      this.#settle(job, "failed");
    }
  }

  #settle(job: DeliveryJob<E>, status: DeliveryStatus): void {
    job.record.status = status;
    job.record.nextAttemptAt = null;
    this.#active = Math.max(0, this.#active - 1);
    if (this.#active === 0) this.#wakeIdle();
  }

  #wakeIdle(): void {
    for (const resolve of this.#idle.splice(0)) resolve();
  }
}
