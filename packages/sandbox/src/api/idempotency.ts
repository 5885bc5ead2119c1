/**
 * @module
 * Stripe's `Idempotency-Key` on POST requests: the same key with the same parameters replays the
 * stored response (`Idempotent-Replayed: true`); with other parameters it is a 400
 * `idempotency_error`; while the first request runs, a 409. Keys are scoped to the account (the
 * API key's) and kept 24 hours. Only successful responses are stored, so a rejected request can
 * be retried. KOMOJU's `X-KOMOJU-IDEMPOTENCY` works the same way with its own limits and error
 * bodies: an {@link IdempotencyDialect}.
 */
import type { Request, RequestHandler } from "express";
import type { Clock } from "../clock/clock";
import { callerOf } from "./authenticate";
import { requestIdOf } from "./request-id";
import { invalidRequest, SandboxApiError } from "./sandbox-api-error";

const DAY_MS = 86_400_000;

/** How one provider spells idempotency: the header, the key limit, the scope and the errors. */
export interface IdempotencyDialect {
  /** The request header carrying the key (lower case). */
  readonly header: string;
  readonly maxKeyLength: number;
  /** Whose keys these are (keys of different callers never meet). */
  scope(req: Request): string;
  tooLong(maxKeyLength: number): Error;
  /** The same key while the first request still runs. */
  inFlight(key: string): Error;
  /** The same key with other parameters. */
  reused(key: string): Error;
}

/** Stripe's `Idempotency-Key`: 255 characters, scoped to the account. */
export const STRIPE_IDEMPOTENCY: IdempotencyDialect = {
  header: "idempotency-key",
  maxKeyLength: 255,
  scope: (req) => callerOf(req).account,
  tooLong: (maxKeyLength) =>
    invalidRequest(`Idempotency keys can be at most ${maxKeyLength} characters long.`),
  inFlight: (key) =>
    idempotencyError(
      409,
      `There is currently another in-progress request using this Idempotent Key: ${key}. Please try again later.`,
    ),
  reused: (key) =>
    idempotencyError(
      400,
      "Keys for idempotent requests can only be used with the same parameters they were first used with. " +
        `Try using a key other than '${key}' if you meant to execute a different request.`,
    ),
};

interface Stored {
  readonly fingerprint: string;
  readonly body: unknown;
  readonly requestId: string;
  readonly storedAt: number;
}

type Entry = Stored | "in_flight";

/** The JSON of `value` with object keys sorted, so equal parameters compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function idempotencyError(status: number, message: string): SandboxApiError {
  return new SandboxApiError({ status, type: "idempotency_error", message });
}

/** Remembers responses by idempotency key. */
export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: Clock;
  readonly #dialect: IdempotencyDialect;

  constructor(clock: Clock, dialect: IdempotencyDialect = STRIPE_IDEMPOTENCY) {
    this.#clock = clock;
    this.#dialect = dialect;
  }

  /**
   * Wraps a POST handler: its result is sent as JSON, and replayed for a repeated key.
   *
   * @example
   * router.post("/refunds", store.handle((req) => renderRefund(...)));
   */
  handle(handler: (req: Request) => unknown): RequestHandler {
    return async (req, res) => {
      const dialect = this.#dialect;
      const key = req.get(dialect.header);
      if (key === undefined) {
        res.json(await handler(req));
        return;
      }
      if (key.length > dialect.maxKeyLength) throw dialect.tooLong(dialect.maxKeyLength);
      res.set("Idempotency-Key", key);
      const scope = `${dialect.scope(req)}\n${key}`;
      const fingerprint = `${req.method} ${req.baseUrl}${req.path} ${canonical(req.body ?? {})}`;
      const now = this.#clock().getTime();
      const entry = this.#entries.get(scope);
      if (entry === "in_flight") throw dialect.inFlight(key);
      if (entry !== undefined && now - entry.storedAt < DAY_MS) {
        if (entry.fingerprint !== fingerprint) throw dialect.reused(key);
        res.set({ "Idempotent-Replayed": "true", "Original-Request": entry.requestId });
        res.json(entry.body);
        return;
      }
      this.#entries.set(scope, "in_flight");
      try {
        const body = await handler(req);
        this.#entries.set(scope, { fingerprint, body, requestId: requestIdOf(req), storedAt: now });
        res.json(body);
      } catch (error) {
        this.#entries.delete(scope);
        throw error;
      }
    };
  }
}
