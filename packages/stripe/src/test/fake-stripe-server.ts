/**
 * @module
 * A loopback fake of the Stripe API subset the adapter uses (node:http on 127.0.0.1, port 0).
 * It parses form bodies, records every request, honours Idempotency-Key, checks the Bearer key,
 * and plays scripted responses (status and body, a dropped connection, or no answer at all)
 * before its own routes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { PaymentStatus } from "@linkpay/core";
import { createRouter, type Reply, type RouteRequest } from "./fake-stripe-routes";
import { createFakeStripeState, type FakeSessionState } from "./fake-stripe-state";

export type { FakeSessionState } from "./fake-stripe-state";

/** The test key the fake accepts unless told otherwise (not a real key). */
export const FAKE_SECRET_KEY = "sk_test_loopbackFakeKey0000000000000000000000";

/** One request as the fake received it. */
export type RecordedRequest = RouteRequest;

/** A response the fake plays instead of routing the next request. */
export type ScriptedResponse = Reply | { readonly drop: true } | { readonly hang: true };

/** Options of {@link startFakeStripeServer}. */
export interface FakeStripeServerOptions {
  /** The only key accepted as `Authorization: Bearer …`. */
  readonly secretKey?: string | undefined;
  /** Origin of the hosted URLs the fake hands out. */
  readonly checkoutOrigin?: string | undefined;
}

/** A running fake Stripe API. */
export interface FakeStripeServer {
  /** `http://127.0.0.1:<port>`: pass as `apiBaseUrl`. */
  readonly url: string;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Plays these responses, in order, for the next requests. */
  script(...responses: readonly ScriptedResponse[]): void;
  /** The session as Stripe would put it in a webhook (`payment_intent` as an id). */
  sessionJson(sessionId: string): Record<string, unknown>;
  /** The charge of a session's payment intent, as in a `charge.refunded` webhook. */
  chargeJson(sessionId: string): Record<string, unknown>;
  /** Puts a session in any state combination. */
  setState(sessionId: string, state: FakeSessionState): void;
  /** Puts a session in the state Stripe would report for a linkpay status. */
  settle(sessionId: string, status: PaymentStatus, refunded?: number): void;
  /** Stops the server, cutting any connection still open (scripted hangs included). */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeStripeServer(
  options: FakeStripeServerOptions = {},
): Promise<FakeStripeServer> {
  const state = createFakeStripeState(options.checkoutOrigin ?? "https://checkout.stripe.com");
  const answer = createRouter(state, options.secretKey ?? FAKE_SECRET_KEY);
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedResponse[] = [];
  let replies = 0;

  function send(response: ServerResponse, reply: Reply): void {
    replies++;
    response.writeHead(reply.status, {
      "content-type": "application/json",
      "request-id": `req_fake_${replies}`,
      ...reply.headers,
    });
    response.end(JSON.stringify(reply.body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
      form: Object.fromEntries(new URLSearchParams(body)),
    };
    requests.push(recorded);
    const next = scripted.shift();
    if (next === undefined) send(response, answer(recorded));
    else if ("drop" in next) request.socket.destroy();
    else if ("status" in next) send(response, next);
    // A scripted hang answers nothing; close() cuts the connection.
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake Stripe: no port");

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    script: (...responses) => {
      scripted.push(...responses);
    },
    sessionJson: state.sessionJson,
    chargeJson: state.chargeJson,
    setState: state.setState,
    settle: state.settle,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
