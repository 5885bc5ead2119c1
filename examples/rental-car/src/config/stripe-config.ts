/**
 * @module
 * The Stripe settings (`PAYMENT_PROVIDER=stripe`, the default): the provider options the
 * variables make, and their problems as @linkpay/stripe words them, each under the variable's
 * name. The rules for a key or an origin live in the adapter (`checkStripeProviderOptions`).
 */
import { checkStripeProviderOptions, type StripeProviderOptions } from "@linkpay/stripe";

/** How the app talks to Stripe. */
export interface StripeConfig {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** `STRIPE_API_URL`: another API origin (the sandbox, an emulator); unset: api.stripe.com. */
  readonly apiUrl: string | undefined;
  /** Where the hosted pages of `apiUrl` live (`STRIPE_CHECKOUT_ORIGIN`; default `apiUrl`). */
  readonly checkoutOrigin: string | undefined;
  /** `STRIPE_PAYMENT_METHODS`: `card` (default) or `card,konbini` (enable konbini at Stripe first). */
  readonly paymentMethods: readonly ("card" | "konbini")[];
}

/** Every Stripe variable; none may be set while PAYMENT_PROVIDER is komoju. */
export const STRIPE_VARIABLES = [
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_URL",
  "STRIPE_CHECKOUT_ORIGIN",
  "STRIPE_PAYMENT_METHODS",
] as const;

/** The Stripe provider's options for these settings (what the app creates the provider with). */
export function stripeProviderOptions(
  stripe: Omit<StripeConfig, "paymentMethods"> & Partial<Pick<StripeConfig, "paymentMethods">>,
): StripeProviderOptions {
  const origin = stripe.checkoutOrigin ?? stripe.apiUrl;
  return {
    secretKey: stripe.secretKey,
    webhookSecrets: stripe.webhookSecret,
    ...(stripe.apiUrl === undefined ? {} : { apiBaseUrl: stripe.apiUrl }),
    ...(origin === undefined ? {} : { checkoutOrigins: [origin] }),
    ...(stripe.paymentMethods === undefined ? {} : { paymentMethodTypes: stripe.paymentMethods }),
  };
}

/** Which variable each provider option comes from, to name it in a problem. */
const STRIPE_OPTION_VARIABLES: Readonly<Record<string, string>> = {
  secretKey: "STRIPE_SECRET_KEY",
  webhookSecrets: "STRIPE_WEBHOOK_SECRET",
  apiBaseUrl: "STRIPE_API_URL",
  paymentMethodTypes: "STRIPE_PAYMENT_METHODS",
};

/** What @linkpay/stripe finds wrong with the raw Stripe variables, each naming its variable. */
export function stripeProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const blankToUndefined = (value: string | undefined) =>
    value === undefined || value.trim() === "" ? undefined : value;
  const checkoutOrigin = blankToUndefined(env.STRIPE_CHECKOUT_ORIGIN);
  const issues = checkStripeProviderOptions(
    stripeProviderOptions({
      secretKey: env.STRIPE_SECRET_KEY ?? "",
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? "",
      apiUrl: blankToUndefined(env.STRIPE_API_URL),
      checkoutOrigin,
    }),
  );
  return issues.map((issue) => {
    const option = issue.option.replace(/\[\d+\]$/, "");
    const variable =
      option === "checkoutOrigins"
        ? checkoutOrigin === undefined
          ? "STRIPE_API_URL"
          : "STRIPE_CHECKOUT_ORIGIN"
        : (STRIPE_OPTION_VARIABLES[option] ?? "STRIPE_SECRET_KEY");
    return `${variable}: ${issue.message}`;
  });
}
