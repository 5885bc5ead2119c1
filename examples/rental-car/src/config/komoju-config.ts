/**
 * @module
 * The KOMOJU settings (`PAYMENT_PROVIDER=komoju`): the variables, the provider options they make,
 * and their problems as @linkpay/komoju words them, each under the variable's name. The rules for
 * a key or a URL live in the adapter (`checkKomojuProviderOptions`), not here.
 */
import {
  checkKomojuProviderOptions,
  type KomojuPaymentMethod,
  type KomojuProviderOptions,
} from "@linkpay/komoju";
import * as z from "zod";

/** How the app talks to KOMOJU (real KOMOJU, or a KOMOJU-compatible server at `apiUrl`). */
export interface KomojuConfig {
  readonly secretKey: string;
  /** The webhook's secret token (`KOMOJU_WEBHOOK_SECRET`). */
  readonly webhookSecret: string;
  /** `KOMOJU_API_URL`: another base URL (a sandbox's `…/komoju`); unset: https://komoju.com. */
  readonly apiUrl: string | undefined;
  /** `KOMOJU_CHECKOUT_URL`: where the hosted pages of `apiUrl` live; default `apiUrl`. */
  readonly checkoutUrl: string | undefined;
  /** `KOMOJU_PAYMENT_METHODS`: `card` (default), or any of card, konbini, paypay. */
  readonly paymentMethods: readonly KomojuPaymentMethod[];
  /**
   * `KOMOJU_KONBINI_EXPIRY_DAYS`: the "Expiry days" set for konbini in KOMOJU's dashboard (1–59;
   * unset: the adapter's default, KOMOJU's default of 3). Konbini is left out of a checkout whose
   * slip must expire sooner (a pick-up too close).
   */
  readonly konbiniExpiryDays?: number | undefined;
}

/** Every KOMOJU variable; none may be set while PAYMENT_PROVIDER is stripe. */
export const KOMOJU_VARIABLES = [
  "KOMOJU_SECRET_KEY",
  "KOMOJU_WEBHOOK_SECRET",
  "KOMOJU_API_URL",
  "KOMOJU_CHECKOUT_URL",
  "KOMOJU_PAYMENT_METHODS",
  "KOMOJU_KONBINI_EXPIRY_DAYS",
] as const;

const KOMOJU_METHODS: readonly string[] = ["card", "konbini", "paypay"];

/** `KOMOJU_PAYMENT_METHODS`, read (blank or unset: `card`). */
export const komojuPaymentMethodsSchema = z
  .string()
  .optional()
  .transform((value) =>
    (value === undefined || value.trim() === "" ? "card" : value)
      .split(",")
      .map((method) => method.trim()),
  )
  .refine(
    (methods): methods is KomojuPaymentMethod[] =>
      new Set(methods).size === methods.length &&
      methods.every((method) => KOMOJU_METHODS.includes(method)),
    { error: "KOMOJU_PAYMENT_METHODS must list card, konbini or paypay, each once (card,konbini)" },
  );

/** `KOMOJU_KONBINI_EXPIRY_DAYS`, read (blank or unset: the adapter's default). */
export const komojuKonbiniExpiryDaysSchema = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()))
  .refine((value) => value === undefined || /^[1-9][0-9]?$/.test(value), {
    error:
      "KOMOJU_KONBINI_EXPIRY_DAYS must be a whole number of days, 1–59 (as in KOMOJU's dashboard)",
  })
  .transform((value) => (value === undefined ? undefined : Number(value)));

/** The KOMOJU provider's options for these settings (what the app creates the provider with). */
export function komojuProviderOptions(komoju: KomojuConfig): KomojuProviderOptions {
  return {
    secretKey: komoju.secretKey,
    webhookSecrets: komoju.webhookSecret,
    ...(komoju.apiUrl === undefined ? {} : { apiBaseUrl: komoju.apiUrl }),
    ...(komoju.checkoutUrl === undefined ? {} : { checkoutBaseUrl: komoju.checkoutUrl }),
    paymentMethods: komoju.paymentMethods,
    ...(komoju.konbiniExpiryDays === undefined
      ? {}
      : { konbiniExpiryDays: komoju.konbiniExpiryDays }),
  };
}

/** Which variable each provider option comes from, to name it in a problem. */
const OPTION_VARIABLES: Readonly<Record<string, string>> = {
  secretKey: "KOMOJU_SECRET_KEY",
  webhookSecrets: "KOMOJU_WEBHOOK_SECRET",
  apiBaseUrl: "KOMOJU_API_URL",
  paymentMethods: "KOMOJU_PAYMENT_METHODS",
  konbiniExpiryDays: "KOMOJU_KONBINI_EXPIRY_DAYS",
};

/** What @linkpay/komoju finds wrong with the raw KOMOJU variables, each naming its variable. */
export function komojuProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const blankToUndefined = (value: string | undefined) =>
    value === undefined || value.trim() === "" ? undefined : value;
  const checkoutUrl = blankToUndefined(env.KOMOJU_CHECKOUT_URL);
  const methods = komojuPaymentMethodsSchema.safeParse(env.KOMOJU_PAYMENT_METHODS);
  const days = komojuKonbiniExpiryDaysSchema.safeParse(env.KOMOJU_KONBINI_EXPIRY_DAYS);
  const issues = checkKomojuProviderOptions(
    komojuProviderOptions({
      secretKey: env.KOMOJU_SECRET_KEY ?? "",
      webhookSecret: env.KOMOJU_WEBHOOK_SECRET ?? "",
      apiUrl: blankToUndefined(env.KOMOJU_API_URL),
      checkoutUrl,
      // A malformed list is the app's own problem (the schema names it): not reported twice.
      paymentMethods: methods.success ? methods.data : ["card"],
      konbiniExpiryDays: days.success ? days.data : undefined,
    }),
  );
  return issues.map((issue) => {
    const option = issue.option.replace(/[.[].*$/, "");
    const variable =
      option === "checkoutBaseUrl"
        ? checkoutUrl === undefined
          ? "KOMOJU_API_URL"
          : "KOMOJU_CHECKOUT_URL"
        : (OPTION_VARIABLES[option] ?? "KOMOJU_SECRET_KEY");
    return `${variable}: ${issue.message}`;
  });
}
