/**
 * @module
 * Builds the official SDK client from validated options.
 */
import Stripe from "stripe";
import type { ResolvedConnectionOptions } from "../options/connection-options";
import { STRIPE_API_VERSION } from "./api-version";

/** A stripe-node client pinned to {@link STRIPE_API_VERSION}, pointed at `options.api` when given. */
export function createStripeClient(options: ResolvedConnectionOptions): Stripe {
  return new Stripe(options.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries,
    appInfo: { name: "linkpay" },
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.api === undefined ? {} : options.api),
  });
}
