/**
 * @module
 * The routes of the fake KOMOJU API: Basic-auth check, idempotency replay (same key and body →
 * the first answer; another body → 422 `idempotency_key_reused`), and the session and payment
 * endpoints the adapter calls.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { FakeKomojuState } from "./fake-komoju-state";

/** One request as the fake received it. */
export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An answer: status and JSON body. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

function error(status: number, code: string, message = code): Reply {
  return { status, body: { error: { code, message, param: null } } };
}

const STATUS_OF_ERROR: Readonly<Record<string, number>> = {
  not_found: 404,
  bad_request: 400,
  refund_request_required: 422,
  invalid_parameter: 422,
};

function answerOf(result: Record<string, unknown>): Reply {
  const code = result.error;
  if (typeof code === "string") return error(STATUS_OF_ERROR[code] ?? 422, code);
  return { status: 200, body: result };
}

/** A router for `secretKey`, answering from `state`. */
export function createRouter(
  state: FakeKomojuState,
  secretKey: string,
): (request: RouteRequest) => Reply {
  const expectedAuth = `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;
  const replays = new Map<string, { readonly body: string; readonly reply: Reply }>();

  function route({ method, path, body }: RouteRequest): Reply {
    const parts = path
      .replace(/^\/api\/v1\//, "")
      .split("/")
      .map(decodeURIComponent);
    const json = body === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
    const [resource, id, action] = parts;
    if (resource === "sessions" && method === "POST" && id === undefined) {
      return { status: 200, body: state.createSession(json) };
    }
    if (resource === "sessions" && id !== undefined) {
      if (state.session(id) === undefined) return error(404, "not_found");
      if (method === "GET" && action === undefined) return { status: 200, body: state.session(id) };
      if (method === "POST" && action === "cancel") return answerOf(state.cancelSession(id));
    }
    if (resource === "payments" && id !== undefined) {
      if (method === "GET" && action === undefined) {
        return state.payment(id)
          ? { status: 200, body: state.payment(id) }
          : error(404, "not_found");
      }
      if (method === "POST" && action === "refund") {
        const amount = typeof json.amount === "number" ? json.amount : undefined;
        return answerOf(state.refund(id, amount));
      }
    }
    return error(404, "not_found", `no route ${method} ${path}`);
  }

  return (request) => {
    if (request.headers.authorization !== expectedAuth) return error(401, "unauthorized");
    const key = request.headers["x-komoju-idempotency"];
    if (request.method !== "POST" || typeof key !== "string") return route(request);
    const replay = replays.get(`${request.path} ${key}`);
    if (replay !== undefined) {
      return replay.body === request.body ? replay.reply : error(422, "idempotency_key_reused");
    }
    const reply = route(request);
    replays.set(`${request.path} ${key}`, { body: request.body, reply });
    return reply;
  };
}
