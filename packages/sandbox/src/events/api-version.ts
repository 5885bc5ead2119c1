/**
 * @module
 * The Stripe API version the sandbox speaks: the version stripe-node 23.1 pins.
 */

/** The API version stamped on events and answered in `Stripe-Version`. */
export const SANDBOX_API_VERSION = "2026-10-28.endive";
