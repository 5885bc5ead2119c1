/**
 * @module
 * The Stripe API version this adapter is written and tested against.
 */
import type Stripe from "stripe";

/**
 * The pinned `Stripe-Version` of every request (the version stripe-node 23.1 is generated for).
 * Webhook payloads follow the version set on the endpoint: register the endpoint with this one.
 */
export const STRIPE_API_VERSION = "2026-10-28.endive" satisfies Stripe.LatestApiVersion;
