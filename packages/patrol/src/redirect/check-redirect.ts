/**
 * @module
 * The heart of the patrol: did the "go to payment" step send the shopper straight to a genuine
 * payment session of this merchant, for the booking just made and the amount the shop showed?
 *
 * An attacker inside the merchant's server can answer that step with a page of their own that
 * copies the provider's look (on a lookalike domain, or on the merchant's own origin, where CSP
 * `form-action` cannot see it), take the card, and hand the shopper on to the real page; or send
 * the shopper to the real provider with a session of their own. Script inventories do not catch
 * this; asking the provider about the session does.
 */
import { type CheckoutReader, isLinkpayError } from "@linkpay/core";
import { originOf } from "../browser/normalize";
import type { Finding } from "../model/findings";
import type { RedirectRecord } from "../model/snapshot";

/** Options of {@link checkRedirect}. */
export interface CheckRedirectOptions {
  readonly record: RedirectRecord;
  /** The full URL the browser settled on. */
  readonly landingUrl: string;
  /** The merchant's origin. */
  readonly site: string;
  readonly reader: CheckoutReader;
  /**
   * End the session once checked, when it is this run's own (open, made for this run's synthetic
   * e-mail) and nothing is wrong with it, so patrol bookings do not hold stock until they time
   * out. Never touches a session made for anyone else, nor one kept as evidence.
   */
  readonly expireOwnSession?: boolean | undefined;
}

/** The findings about one journey's redirect; none when it is genuine. */
export async function checkRedirect(options: CheckRedirectOptions): Promise<Finding[]> {
  const { record, reader, site } = options;
  const where = `journey:${record.journey}`;
  const findings: Finding[] = [];
  const critical = (
    code: Finding["code"],
    subject: string,
    message: string,
    extra: Partial<Finding> = {},
  ) => findings.push({ severity: "critical", code, where, subject, message, ...extra });
  const allowed = (origin: string | undefined) =>
    origin !== undefined && reader.checkoutOrigins.includes(origin);

  const first = record.hops[0];
  if (first === undefined) {
    critical(
      "REDIRECT_NOT_REACHED",
      "(no navigation)",
      "The submit led nowhere: the browser made no request.",
    );
    return findings;
  }
  if (first.cause !== "submit") {
    critical(
      "REDIRECT_SCRIPT_NAVIGATION",
      first.url,
      `The "go to payment" control did not submit its form: a script navigated to ${first.url} instead.`,
    );
  }
  // Every place the shopper was sent, including redirects the browser refused to follow.
  const visited = record.hops.flatMap((hop) =>
    hop.location === undefined ? [hop.url] : [hop.url, hop.location],
  );
  for (const url of new Set(visited)) {
    const origin = originOf(url);
    if (origin !== site && !allowed(origin)) {
      critical(
        "REDIRECT_OFF_LIST",
        origin ?? url,
        `The shopper was sent to ${origin ?? url}, which is neither this site nor an allowed checkout origin (${reader.checkoutOrigins.join(", ")}).`,
      );
    }
  }
  const last = record.hops.at(-1) ?? first;
  // Between the submit and the payment page only HTTP redirects are allowed: a document in
  // between (even on this site's own origin) is a page that could take the card first.
  const answered = record.hops.slice(0, -1).filter((hop) => hop.status < 300 || hop.status >= 400);
  for (const hop of answered) {
    critical(
      "REDIRECT_EXTRA_HOP",
      hop.url,
      `The browser loaded ${hop.url} (status ${hop.status}) between the submit and the payment page: a page there could take the card and forward the shopper.`,
    );
  }
  if (!allowed(originOf(options.landingUrl))) {
    critical(
      "REDIRECT_NOT_REACHED",
      last.url,
      `The browser did not reach an allowed checkout origin; it stopped on ${last.url} (status ${last.status}).`,
    );
    return findings;
  }
  findings.push(...(await checkSession(options, where)));
  return findings;
}

async function checkSession(options: CheckRedirectOptions, where: string): Promise<Finding[]> {
  const { reader, record } = options;
  const sessionId = reader.checkoutSessionIdFromUrl(options.landingUrl);
  const landed = originOf(options.landingUrl) ?? options.landingUrl;
  const finding = (
    severity: Finding["severity"],
    code: Finding["code"],
    message: string,
    extra: Partial<Finding> = {},
  ): Finding[] => [{ severity, code, where, subject: sessionId ?? landed, message, ...extra }];
  if (sessionId === undefined) {
    return finding(
      "critical",
      "SESSION_UNKNOWN",
      `The page on ${landed} is not a ${reader.id} checkout session page.`,
    );
  }
  let view: Awaited<ReturnType<CheckoutReader["retrieveCheckout"]>>;
  try {
    view = await reader.retrieveCheckout({ providerSessionId: sessionId });
  } catch (error) {
    if (isLinkpayError(error) && error.kind === "not_found") {
      return finding(
        "critical",
        "SESSION_UNKNOWN",
        `${reader.id} knows no session ${sessionId} of this merchant: the shopper was sent to someone else's payment page.`,
      );
    }
    if (isLinkpayError(error) && error.code === "PROVIDER_REJECTED") {
      return finding(
        "critical",
        "SESSION_UNKNOWN",
        `Session ${sessionId} was not created by linkpay for this merchant (${error.message}).`,
      );
    }
    return finding(
      "warning",
      "SESSION_UNREADABLE",
      `Could not ask ${reader.id} about session ${sessionId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const findings: Finding[] = [];
  if (view.status !== "open") {
    findings.push(
      ...finding(
        "critical",
        "SESSION_NOT_OPEN",
        `Session ${sessionId} is ${view.status}, not open: a new booking must get a new session.`,
      ),
    );
  }
  const expected = record.expectedAmount;
  if (
    expected !== undefined &&
    (view.amount.amount !== expected.amount || view.amount.currency !== expected.currency)
  ) {
    findings.push(
      ...finding(
        "critical",
        "SESSION_WRONG_AMOUNT",
        `Session ${sessionId} is for ${view.amount.amount} ${view.amount.currency}, but the shop showed ${expected.amount} ${expected.currency}.`,
        {
          before: expected,
          after: { amount: view.amount.amount, currency: view.amount.currency },
        },
      ),
    );
  }
  if (
    record.email !== undefined &&
    view.customerEmail !== undefined &&
    view.customerEmail.toLowerCase() !== record.email.toLowerCase()
  ) {
    findings.push(
      ...finding(
        "critical",
        "SESSION_WRONG_BOOKING",
        `Session ${sessionId} was made for another customer, not for the booking this run just made.`,
      ),
    );
  }
  if (record.email !== undefined && view.customerEmail === undefined) {
    findings.push(
      ...finding(
        "info",
        "SESSION_WRONG_BOOKING",
        `Session ${sessionId} carries no customer e-mail, so the patrol cannot tie it to this run's booking (pass customerEmail to startCheckout).`,
      ),
    );
  }
  // Only this run's own session (made for its synthetic e-mail), and only when nothing is wrong
  // with it: a session found wrong is evidence, and stays as it is.
  const ours =
    record.email !== undefined && view.customerEmail?.toLowerCase() === record.email.toLowerCase();
  const sound = !findings.some((f) => f.severity === "critical");
  if (
    options.expireOwnSession === true &&
    ours &&
    sound &&
    view.status === "open" &&
    reader.expireCheckout !== undefined
  ) {
    try {
      await reader.expireCheckout({ providerSessionId: sessionId });
    } catch (error) {
      findings.push(
        ...finding(
          "info",
          "SESSION_UNREADABLE",
          `Could not end this run's session ${sessionId} (it will time out by itself): ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  }
  return findings;
}
