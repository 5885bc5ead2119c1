/**
 * @module
 * Which payment provider the app uses (`PAYMENT_PROVIDER`: `stripe` or `komoju`), and the checks
 * across the two providers' variables: the chosen one's keys only together and as its adapter
 * accepts them, the other one's unset.
 */
import { KOMOJU_VARIABLES, komojuProblems } from "./komoju-config";
import { STRIPE_VARIABLES, stripeProblems } from "./stripe-config";

/** The payment providers the app can use (`PAYMENT_PROVIDER`). */
export const PAYMENT_PROVIDERS = ["stripe", "komoju"] as const;

/** A payment provider the app can use; also its id and webhook path (`/webhooks/<name>`). */
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** Whether `value` names a provider the app can use. */
export function isProviderName(value: string): value is PaymentProviderName {
  return (PAYMENT_PROVIDERS as readonly string[]).includes(value);
}

/**
 * The problems of the chosen provider's variables (keys only together, checked by the adapter)
 * and of the other provider's variables, which must not be set: a half-switched environment
 * would otherwise start with one provider while the operator believes it uses the other.
 */
export function providerProblems(
  provider: PaymentProviderName,
  isSet: (name: string) => boolean,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const problems: string[] = [];
  const [keyVariable, secretVariable, foreign] =
    provider === "komoju"
      ? (["KOMOJU_SECRET_KEY", "KOMOJU_WEBHOOK_SECRET", STRIPE_VARIABLES] as const)
      : (["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", KOMOJU_VARIABLES] as const);
  const misplaced = foreign.filter(isSet);
  if (misplaced.length > 0) {
    const other = provider === "komoju" ? "stripe" : "komoju";
    problems.push(
      `${misplaced.join(", ")} ${misplaced.length === 1 ? "is" : "are"} set, but PAYMENT_PROVIDER is ${provider}: unset ${misplaced.length === 1 ? "it" : "them"}, or set PAYMENT_PROVIDER=${other}`,
    );
  }
  if (isSet(keyVariable) !== isSet(secretVariable)) {
    problems.push(
      `${keyVariable} and ${secretVariable} go together: set both, or neither for the sandbox`,
    );
  }
  if (isSet(keyVariable) && isSet(secretVariable)) {
    problems.push(...(provider === "komoju" ? komojuProblems(env) : stripeProblems(env)));
  }
  // A KOMOJU server named without keys would be ignored for the built-in sandbox: say so.
  const unused = ["KOMOJU_API_URL", "KOMOJU_CHECKOUT_URL"].filter(isSet);
  if (provider === "komoju" && !isSet(keyVariable) && !isSet(secretVariable) && unused.length > 0) {
    problems.push(
      `${unused.join(" and ")} need${unused.length === 1 ? "s" : ""} KOMOJU_SECRET_KEY and KOMOJU_WEBHOOK_SECRET (without them the app starts its own sandbox in KOMOJU mode)`,
    );
  }
  return problems;
}
