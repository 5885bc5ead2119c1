/**
 * @module
 * The one place the adapter talks HTTP to KOMOJU: plain `fetch`, Basic auth with the secret key,
 * JSON both ways, a per-request time-out, and retries of failures worth retrying (network, 409,
 * 429, 5xx) with the same idempotency key. Error answers become LinkpayErrors.
 */
import { isLinkpayError, LinkpayError } from "@linkpay/core";
import { komojuAnswerError, komojuNetworkError } from "../errors/map-komoju-error";
import { errorBodySchema } from "../objects/komoju-schemas";
import type { ResolvedConnectionOptions } from "../options/connection-options";

/** One call to KOMOJU's API. */
export interface KomojuRequest {
  /** Names the call in errors, e.g. `sessions.create`. */
  readonly operation: string;
  readonly method: "GET" | "POST";
  /** Below `/api/v1`, e.g. `/sessions/abc`; path segments already encoded. */
  readonly path: string;
  readonly body?: unknown;
  /** Sent as `X-KOMOJU-IDEMPOTENCY` (already at most 100 characters). */
  readonly idempotencyKey?: string | undefined;
  /** A 404 means "no such session" (PROVIDER_SESSION_NOT_FOUND). */
  readonly sessionOperation?: boolean | undefined;
}

/** Sends requests to KOMOJU; throws LinkpayErrors. */
export type KomojuClient = (request: KomojuRequest) => Promise<unknown>;

const BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 2_000;

/** `/sessions/{id}` with the id encoded. */
export function pathOf(...segments: readonly string[]): string {
  return `/${segments.map(encodeURIComponent).join("/")}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Creates the client for validated connection options. */
export function createKomojuClient(options: ResolvedConnectionOptions): KomojuClient {
  const authorization = `Basic ${Buffer.from(`${options.secretKey}:`).toString("base64")}`;

  async function once(request: KomojuRequest): Promise<unknown> {
    const headers: Record<string, string> = {
      authorization,
      accept: "application/json",
    };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    if (request.idempotencyKey !== undefined) {
      headers["x-komoju-idempotency"] = request.idempotencyKey;
    }
    let response: Response;
    let json: unknown;
    try {
      response = await fetch(`${options.apiUrl}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        redirect: "error",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      json = await readJson(response);
    } catch (error) {
      throw komojuNetworkError(request.operation, error, options.timeoutMs);
    }
    if (response.ok) {
      if (json === undefined) {
        throw new LinkpayError(
          "PROVIDER_REJECTED",
          `KOMOJU ${request.operation} answered ${response.status} without a JSON body`,
          { details: { operation: request.operation, statusCode: response.status } },
        );
      }
      return json;
    }
    const body = errorBodySchema.safeParse(json);
    const error = body.success ? body.data.error : {};
    throw komojuAnswerError(
      request.operation,
      { status: response.status, code: error.code, message: error.message, param: error.param },
      { sessionOperation: request.sessionOperation === true },
    );
  }

  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(request);
      } catch (error) {
        // Retryable: no answer, 409 (the first request is in flight), 429 or 5xx.
        const retryable = isLinkpayError(error) && error.retryable;
        if (!retryable || attempt >= options.maxNetworkRetries) throw error;
        await delay(Math.min(BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS));
      }
    }
  };
}
