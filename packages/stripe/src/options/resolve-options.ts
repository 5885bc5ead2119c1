/**
 * @module
 * Validates {@link StripeProviderOptions} once, at construction, and fills in the defaults.
 */
import {
  check,
  checkConnection,
  checkKey,
  type ResolvedConnectionOptions,
  refuse,
  type StripeOptionIssue,
  schemaIssues,
} from "./connection-options";
import { checkWebhookSecrets } from "./secret-key";
import {
  type StripePaymentMethodType,
  type StripeProviderOptions,
  stripeProviderOptionsSchema,
} from "./stripe-provider-options";

/** Options after validation, with every default applied. */
export interface ResolvedStripeOptions extends ResolvedConnectionOptions {
  readonly webhookSecrets: readonly string[];
  readonly paymentMethodTypes: readonly StripePaymentMethodType[];
  readonly webhookToleranceSeconds: number;
  readonly now: () => Date;
}

type Inspection =
  | { readonly ok: true; readonly value: ResolvedStripeOptions }
  | { readonly ok: false; readonly issues: readonly StripeOptionIssue[] };

/** Every check on the options, each problem collected rather than the first thrown. */
function inspectOptions(options: StripeProviderOptions): Inspection {
  const parsed = stripeProviderOptionsSchema.safeParse(options);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error) };
  const value = parsed.data;
  const issues: StripeOptionIssue[] = [];
  const livemode = checkKey(issues, value.secretKey);
  const webhookSecrets = check(issues, "webhookSecrets", () =>
    checkWebhookSecrets(value.webhookSecrets),
  );
  const connection = checkConnection(issues, value, livemode);
  if (issues.length > 0 || webhookSecrets === undefined || connection === undefined) {
    return { ok: false, issues };
  }
  const resolved: ResolvedStripeOptions = {
    ...connection,
    webhookSecrets,
    paymentMethodTypes: value.paymentMethodTypes ?? ["card"],
    webhookToleranceSeconds: value.webhookToleranceSeconds ?? 300,
    now: value.now ?? (() => new Date()),
  };
  return { ok: true, value: resolved };
}

/** Throws CONFIG_INVALID naming every bad option (never quoting a secret); else resolves. */
export function resolveOptions(options: StripeProviderOptions): ResolvedStripeOptions {
  const inspection = inspectOptions(options);
  if (!inspection.ok) throw refuse("Stripe provider options", inspection.issues);
  return inspection.value;
}

/**
 * Every problem `createStripeProvider` would refuse these options for, without creating
 * anything: for an app's start-up check, so the provider's own rules are the only ones and are
 * reported with the app's other settings. Empty when the options are good.
 *
 * @example
 * const issues = checkStripeProviderOptions({ secretKey: env.STRIPE_SECRET_KEY ?? "", webhookSecrets: env.STRIPE_WEBHOOK_SECRET ?? "" });
 * for (const issue of issues) problems.push(`${issue.option}: ${issue.message}`);
 */
export function checkStripeProviderOptions(
  options: StripeProviderOptions,
): readonly StripeOptionIssue[] {
  const inspection = inspectOptions(options);
  return inspection.ok ? [] : inspection.issues;
}
