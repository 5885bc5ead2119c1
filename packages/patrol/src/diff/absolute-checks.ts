/**
 * @module
 * Checks that need no baseline: what must never be on a redirect merchant's page, whatever was
 * approved before. A card-like field (SAQ A means no card data on the merchant's pages), a form
 * posting to an origin that is neither the site nor its provider, and a page that sends the
 * shopper elsewhere by itself.
 */
import { originOf } from "../browser/normalize";
import type { Finding } from "../model/findings";
import type { PageSnapshot } from "../model/snapshot";

/** Options of {@link absoluteFindings}. */
export interface AbsoluteCheckOptions {
  readonly page: PageSnapshot;
  readonly site: string;
  readonly checkoutOrigins: readonly string[];
}

/** The findings of `page` that no baseline can excuse. */
export function absoluteFindings({ page, site, checkoutOrigins }: AbsoluteCheckOptions): Finding[] {
  const findings: Finding[] = [];
  const allowed = (origin: string | undefined) =>
    origin === site || (origin !== undefined && checkoutOrigins.includes(origin));
  for (const form of page.forms) {
    for (const field of form.fields.filter((f) => f.cardLike)) {
      findings.push({
        severity: "critical",
        code: "CARD_INPUT",
        where: page.key,
        subject: `${form.action} ${field.name}`,
        message: `The page ${page.url} has a card-like field "${field.name}" (${field.type}${field.autocomplete ? `, autocomplete ${field.autocomplete}` : ""}): card data must only be typed on the provider's page.`,
      });
    }
    const origin = originOf(form.action);
    if (form.action !== "(no form)" && !allowed(origin)) {
      findings.push({
        severity: "critical",
        code: "FORM_ACTION_OFF_SITE",
        where: page.key,
        subject: form.action,
        message: `A form on ${page.url} posts to ${form.action}, which is neither this site nor the provider.`,
      });
    }
  }
  for (const target of page.navigations) {
    const origin = originOf(target.startsWith("http") ? target : new URL(target, page.url).href);
    if (!allowed(origin)) {
      findings.push({
        severity: "critical",
        code: "NAVIGATION_OFF_SITE",
        where: page.key,
        subject: origin ?? target,
        message: `The page ${page.url} sends the browser to ${origin ?? target} by itself (meta refresh).`,
      });
    }
  }
  return findings;
}
