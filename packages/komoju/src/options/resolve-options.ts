/**
 * @module
 * Validates the provider's and the reader's options once, at construction, and fills in the
 * defaults.
 */
import {
  check,
  checkConnection,
  type KomojuOptionIssue,
  type ResolvedConnectionOptions,
  refuse,
  schemaIssues,
} from "./connection-options";
import {
  type KomojuCheckoutReaderOptions,
  type KomojuPaymentMethod,
  type KomojuProviderOptions,
  komojuCheckoutReaderOptionsSchema,
  komojuProviderOptionsSchema,
} from "./komoju-provider-options";
import { checkWebhookSecrets } from "./secret-key";

/** KOMOJU's default konbini slip lifetime, in days (its dashboard's "Expiry days"). */
export const KOMOJU_DEFAULT_KONBINI_EXPIRY_DAYS = 3;

/** Provider options after validation, with every default applied. */
export interface ResolvedKomojuOptions extends ResolvedConnectionOptions {
  readonly webhookSecrets: readonly string[];
  readonly paymentMethods: readonly KomojuPaymentMethod[];
  /** Days a konbini slip stays payable (KOMOJU's dashboard setting). */
  readonly konbiniExpiryDays: number;
}

type Inspection =
  | { readonly ok: true; readonly value: ResolvedKomojuOptions }
  | { readonly ok: false; readonly issues: readonly KomojuOptionIssue[] };

function inspectOptions(options: KomojuProviderOptions): Inspection {
  const parsed = komojuProviderOptionsSchema.safeParse(options);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error) };
  const value = parsed.data;
  const issues: KomojuOptionIssue[] = [];
  const connection = checkConnection(issues, value);
  const webhookSecrets = check(issues, "webhookSecrets", () =>
    checkWebhookSecrets(value.webhookSecrets),
  );
  if (issues.length > 0 || webhookSecrets === undefined || connection === undefined) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      ...connection,
      webhookSecrets,
      paymentMethods: value.paymentMethods ?? ["card"],
      konbiniExpiryDays: value.konbiniExpiryDays ?? KOMOJU_DEFAULT_KONBINI_EXPIRY_DAYS,
    },
  };
}

/** Throws CONFIG_INVALID naming every bad option (never quoting a secret); else resolves. */
export function resolveOptions(options: KomojuProviderOptions): ResolvedKomojuOptions {
  const inspection = inspectOptions(options);
  if (!inspection.ok) throw refuse("KOMOJU provider options", inspection.issues);
  return inspection.value;
}

/**
 * Every problem `createKomojuProvider` would refuse these options for, without creating
 * anything: for an app's start-up check, so the provider's own rules are the only ones and are
 * reported with the app's other settings. Empty when the options are good.
 *
 * @example
 * const issues = checkKomojuProviderOptions({ secretKey: env.KOMOJU_SECRET_KEY ?? "", webhookSecrets: env.KOMOJU_WEBHOOK_SECRET ?? "" });
 * for (const issue of issues) problems.push(`${issue.option}: ${issue.message}`);
 */
export function checkKomojuProviderOptions(
  options: KomojuProviderOptions,
): readonly KomojuOptionIssue[] {
  const inspection = inspectOptions(options);
  return inspection.ok ? [] : inspection.issues;
}

/** The reader's options, validated like the provider's; throws CONFIG_INVALID. */
export function resolveReaderOptions(
  options: KomojuCheckoutReaderOptions,
): ResolvedConnectionOptions {
  const what = "KOMOJU checkout reader options";
  const parsed = komojuCheckoutReaderOptionsSchema.safeParse(options);
  if (!parsed.success) throw refuse(what, schemaIssues(parsed.error));
  const issues: KomojuOptionIssue[] = [];
  const connection = checkConnection(issues, parsed.data);
  if (connection === undefined) throw refuse(what, issues);
  return connection;
}
