/**
 * @module
 * Test fixtures: a started sandbox with an official `stripe` client pointed at it, and the
 * checkout parameters most tests start from.
 */
import Stripe from "stripe";
import type { SandboxOptions } from "../options/sandbox-options";
import { createSandbox } from "../server/create-sandbox";
import type { Sandbox } from "../server/sandbox-handle";

/** The API key the fixtures use. */
export const TEST_KEY = "sk_test_linkpay_fixture";

/** A started sandbox and a client for it. */
export interface SandboxFixture {
  readonly sandbox: Sandbox;
  readonly stripe: Stripe;
  readonly origin: string;
  readonly port: number;
}

/** A `stripe` client for the sandbox on `port`, exactly as a merchant would configure it. */
export function stripeClient(port: number, key: string = TEST_KEY, maxNetworkRetries = 0): Stripe {
  return new Stripe(key, {
    apiVersion: "2026-10-28.endive",
    host: "127.0.0.1",
    port,
    protocol: "http",
    maxNetworkRetries,
    telemetry: false,
  });
}

/** Creates and starts a sandbox (fast retries by default); close it with `sandbox.close()`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxFixture> {
  const sandbox = createSandbox({
    merchantName: "Rent-a-Car Test",
    delivery: { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2_000 },
    ...options,
  });
  const { origin, port } = await sandbox.listen();
  return { sandbox, stripe: stripeClient(port), origin, port };
}

/** A valid JPY checkout request; override any field. */
export function sessionParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [
      {
        price_data: {
          currency: "jpy",
          unit_amount: 8_800,
          product_data: { name: "Compact car, 1 day" },
        },
        quantity: 2,
      },
    ],
    success_url: "http://127.0.0.1:9/return?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://127.0.0.1:9/cart",
    client_reference_id: "RC-0001",
    metadata: { order_ref: "RC-0001" },
    ...overrides,
  };
}
