/**
 * @module
 * What every operation of the adapter needs: the SDK client and the validated options.
 */
import type Stripe from "stripe";
import type { ResolvedStripeOptions } from "../options/resolve-options";

/** The SDK client and the validated options, shared by the adapter's operations. */
export interface StripeContext {
  readonly stripe: Stripe;
  readonly options: ResolvedStripeOptions;
}
