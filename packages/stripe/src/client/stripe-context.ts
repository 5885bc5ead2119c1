/**
 * @module
 * What every operation of the adapter needs: the SDK client and the validated options.
 */
import type Stripe from "stripe";
import type { ResolvedConnectionOptions } from "../options/connection-options";
import type { ResolvedStripeOptions } from "../options/resolve-options";

/** What reading needs: the SDK client and how it reaches Stripe (no webhook secrets). */
export interface StripeReadContext {
  readonly stripe: Stripe;
  readonly options: ResolvedConnectionOptions;
}

/** The SDK client and the validated options, shared by the adapter's operations. */
export interface StripeContext extends StripeReadContext {
  readonly options: ResolvedStripeOptions;
}
