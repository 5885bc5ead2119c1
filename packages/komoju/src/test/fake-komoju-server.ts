/**
 * @module
 * A loopback fake of the KOMOJU API subset the adapter uses (node:http on 127.0.0.1, port 0),
 * holding sessions and payments in memory. It records every request and plays scripted answers
 * (a status and body, a dropped connection, or no answer) before its own routes. The full emulator is the
 * sandbox's KOMOJU mode; this is the small test double.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRouter, type Reply, type RouteRequest } from "./fake-komoju-routes";
import { createFakeKomojuState, type FakeKomojuState } from "./fake-komoju-state";

export type { FakePaymentStatus, SettleOptions } from "./fake-komoju-state";

/** The test key the fake accepts unless told otherwise (not a real key). */
export const FAKE_SECRET_KEY = "sk_test_loopbackFakeKomojuKey000000";

/** One request as the fake received it. */
export type RecordedRequest = RouteRequest;

/** An answer the fake plays instead of routing the next request (or none: `hang`). */
export type ScriptedResponse = Reply | { readonly drop: true } | { readonly hang: true };

/** A running fake KOMOJU. */
export interface FakeKomojuServer extends Pick<FakeKomojuState, "settle" | "paymentJson"> {
  /** `http://127.0.0.1:<port>`: pass as `apiBaseUrl` (hosted pages are there too). */
  readonly url: string;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** How many requests reached the fake whose path starts with `prefix` (e.g. `/api/v1/sessions`). */
  count(prefix?: string): number;
  /** Plays these answers, in order, for the next requests. */
  script(...responses: readonly ScriptedResponse[]): void;
  /**
   * Leave `expires_at` out of sessions, as KOMOJU's published session object does (the fake and
   * the sandbox send it by default).
   */
  omitExpiresAt: boolean;
  /** The session as KOMOJU's API returns it. */
  sessionJson(sessionId: string): Record<string, unknown>;
  /** Stops the server. */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeKomojuServer(
  options: { readonly secretKey?: string; readonly now?: () => Date } = {},
): Promise<FakeKomojuServer> {
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedResponse[] = [];
  let answer: ((request: RouteRequest) => Reply) | undefined;
  const settings = { omitExpiresAt: false };

  function send(response: ServerResponse, reply: Reply): void {
    response.writeHead(reply.status, { "content-type": "application/json" });
    response.end(
      JSON.stringify(reply.body, (key, value) =>
        settings.omitExpiresAt && key === "expires_at" ? undefined : value,
      ),
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      path: new URL(request.url ?? "/", "http://127.0.0.1").pathname,
      headers: request.headers,
      body: await readBody(request),
    };
    requests.push(recorded);
    const next = scripted.shift();
    if (next === undefined) send(response, answer?.(recorded) ?? { status: 500, body: {} });
    else if ("drop" in next) request.socket.destroy();
    else if ("status" in next) send(response, next);
    // A scripted hang answers nothing; close() cuts the connection.
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake KOMOJU: no port");
  const url = `http://127.0.0.1:${address.port}`;
  const state = createFakeKomojuState(url, options.now ?? (() => new Date()));
  answer = createRouter(state, options.secretKey ?? FAKE_SECRET_KEY);

  return {
    url,
    requests,
    get omitExpiresAt() {
      return settings.omitExpiresAt;
    },
    set omitExpiresAt(value: boolean) {
      settings.omitExpiresAt = value;
    },
    count: (prefix = "") => requests.filter((request) => request.path.startsWith(prefix)).length,
    script: (...responses) => {
      scripted.push(...responses);
    },
    sessionJson(sessionId) {
      const session = state.session(sessionId);
      if (session === undefined) throw new Error(`fake KOMOJU: no session ${sessionId}`);
      return session;
    },
    paymentJson: state.paymentJson,
    settle: state.settle,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
