/**
 * @module
 * Stripe's `Idempotency-Key` on POST requests: the same key with the same parameters replays the
 * stored response (`Idempotent-Replayed: true`); with other parameters it is a 400
 * `idempotency_error`; while the first request runs, a 409. Keys are scoped to the account (the
 * API key's) and kept 24 hours. Only successful responses are stored, so a rejected request can
 * be retried.
 */
import type { Request, RequestHandler } from "express";
import type { Clock } from "../clock/clock";
import { callerOf } from "./authenticate";
import { requestIdOf } from "./request-id";
import { invalidRequest, SandboxApiError } from "./sandbox-api-error";

const DAY_MS = 86_400_000;
const MAX_KEY_LENGTH = 255;

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

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Wraps a POST handler: its result is sent as JSON, and replayed for a repeated key.
   *
   * @example
   * router.post("/refunds", store.handle((req) => renderRefund(...)));
   */
  handle(handler: (req: Request) => unknown): RequestHandler {
    return async (req, res) => {
      const key = req.get("idempotency-key");
      if (key === undefined) {
        res.json(await handler(req));
        return;
      }
      if (key.length > MAX_KEY_LENGTH) {
        throw invalidRequest(`Idempotency keys can be at most ${MAX_KEY_LENGTH} characters long.`);
      }
      res.set("Idempotency-Key", key);
      const scope = `${callerOf(req).account}\n${key}`;
      const fingerprint = `${req.method} ${req.baseUrl}${req.path} ${canonical(req.body ?? {})}`;
      const now = this.#clock().getTime();
      const entry = this.#entries.get(scope);
      if (entry === "in_flight") {
        throw idempotencyError(
          409,
          `There is currently another in-progress request using this Idempotent Key: ${key}. Please try again later.`,
        );
      }
      if (entry !== undefined && now - entry.storedAt < DAY_MS) {
        if (entry.fingerprint !== fingerprint) {
          throw idempotencyError(
            400,
            "Keys for idempotent requests can only be used with the same parameters they were first used with. " +
              `Try using a key other than '${key}' if you meant to execute a different request.`,
          );
        }
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
