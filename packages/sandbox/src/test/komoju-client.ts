/**
 * @module
 * Test helpers for the KOMOJU mode: a started sandbox, plain-`fetch` calls to its KOMOJU API as
 * the adapter makes them (Basic auth, JSON), and the session parameters most tests start from.
 */
import { TEST_CARDS } from "../cards/test-cards";
import type { KomojuSessionObject } from "../komoju/objects/komoju-shapes";
import type { SandboxOptions } from "../options/sandbox-options";
import { createSandbox } from "../server/create-sandbox";
import type { Sandbox } from "../server/sandbox-handle";
import { type CardFields, postForm } from "./hosted-page-client";

/** The secret key the KOMOJU fixtures use. */
export const KOMOJU_KEY = "sk_test_komoju_fixture";

/** A started sandbox with its KOMOJU base URL. */
export interface KomojuFixture {
  readonly sandbox: Sandbox;
  readonly origin: string;
  /** `${origin}/komoju`. */
  readonly base: string;
  /** Calls the KOMOJU API. */
  readonly api: <T = unknown>(path: string, init?: KomojuCall) => Promise<KomojuAnswer<T>>;
}

/** One API call. */
export interface KomojuCall {
  readonly method?: "GET" | "POST";
  readonly body?: unknown;
  readonly key?: string | null;
  readonly idempotencyKey?: string;
}

/** An API answer with its parsed JSON, read as the shape the test expects. */
export interface KomojuAnswer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T;
}

/** Creates and starts a sandbox (fast retries by default); close it with `sandbox.close()`. */
export async function startKomojuSandbox(options: SandboxOptions = {}): Promise<KomojuFixture> {
  const sandbox = createSandbox({
    merchantName: "Rent-a-Car Test",
    delivery: { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2_000 },
    ...options,
  });
  const { origin } = await sandbox.listen();
  const base = sandbox.komoju.baseUrl;
  const api = async <T>(path: string, call: KomojuCall = {}): Promise<KomojuAnswer<T>> => {
    const headers: Record<string, string> = {};
    const key = call.key === undefined ? KOMOJU_KEY : call.key;
    if (key !== null) headers.Authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    if (call.idempotencyKey !== undefined) headers["X-KOMOJU-IDEMPOTENCY"] = call.idempotencyKey;
    const response = await fetch(`${base}/api/v1${path}`, {
      method: call.method ?? (call.body === undefined ? "GET" : "POST"),
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: JSON.parse(text === "" ? "null" : text),
    };
  };
  return { sandbox, origin, base, api };
}

let orderCounter = 0;

/** A valid JPY session request with a fresh order number; override any field. */
export function komojuSessionBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  orderCounter += 1;
  return {
    amount: 17_600,
    currency: "JPY",
    return_url: "http://127.0.0.1:9/return?from=komoju",
    default_locale: "en",
    email: "taro@example.com",
    expires_in_seconds: 3_600,
    payment_types: ["credit_card", "konbini", "paypay"],
    metadata: { linkpay_order_ref: "RC-0001", linkpay_attempt_id: "att_12345678" },
    line_items: [{ description: "Compact car, 1 day", amount: 8_800, quantity: 2 }],
    payment_data: { external_order_num: `RC-0001-${orderCounter}`, capture: "auto" },
    ...overrides,
  };
}

/** Submits the KOMOJU page's card form (same field names as the Stripe page's). */
export function submitKomojuCard(
  base: string,
  sessionId: string,
  card: CardFields = {},
): Promise<Response> {
  return postForm(`${base}/sessions/${sessionId}/card`, {
    number: card.number ?? TEST_CARDS.success,
    exp: card.exp ?? "12 / 34",
    cvc: card.cvc ?? "123",
    name: card.name ?? "Taro Yamada",
  });
}

/** Creates a session over the API and returns it. */
export async function createKomojuSession(
  fixture: KomojuFixture,
  overrides: Record<string, unknown> = {},
): Promise<KomojuSessionObject> {
  const answer = await fixture.api<KomojuSessionObject>("/sessions", {
    body: komojuSessionBody(overrides),
  });
  if (answer.status !== 200) throw new Error(`session not created: ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/** Retrieves a session over the API. */
export async function retrieveKomojuSession(
  fixture: KomojuFixture,
  id: string,
): Promise<KomojuSessionObject> {
  return (await fixture.api<KomojuSessionObject>(`/sessions/${id}`)).json;
}
