/**
 * @module
 * The confirmation step (確認画面): everything the shopper is about to pay for, priced again by the
 * server — the rental and its shops, every line and the total, who booked — with the cancellation
 * policy and the damage-waiver terms, which the shopper accepts before continuing to payment.
 * The form carries the draft id only: prices and choices are never posted.
 */
import type { CustomerInput, SearchInput } from "../../bookings/booking-form";
import type { Quote } from "../../pricing/quote";
import { TEXTS } from "../i18n";
import { PolicyNotes, PolicyTable } from "./cancellation-policy-page";
import { DamageWaiverTerms } from "./damage-waiver";
import { Layout, type PageContext } from "./layout";
import { QuoteTable } from "./quote-table";
import { RentalSummary } from "./rental-summary";

/** The confirmation page of a draft. */
export function ConfirmPage(props: {
  context: PageContext;
  draftId: string;
  search: SearchInput;
  carClass: string;
  pickUpAt: Date;
  returnAt: Date;
  quote: Quote;
  customer: CustomerInput;
  /** Whether the options include the damage waiver. */
  waiver: boolean;
  csrfToken: string;
  /** The "Edit" link (the booking form with this draft). */
  editHref: string;
  /** The shopper pressed "Continue" without accepting the terms. */
  acceptMissing?: boolean | undefined;
  problem?: string | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const { customer } = props;
  return (
    <Layout context={props.context} title={texts.confirmTitle}>
      <p class="intro">{texts.confirmIntro}</p>
      {props.problem !== undefined && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
      <RentalSummary
        lang={lang}
        search={props.search}
        carClass={props.carClass}
        pickUpAt={props.pickUpAt}
        returnAt={props.returnAt}
      />
      <section class="lines">
        <h2>{texts.confirmLines}</h2>
        <QuoteTable lang={lang} quote={props.quote} />
      </section>
      <section class="customer">
        <h2>{texts.customerTitle}</h2>
        <dl class="customer-facts">
          <dt>{texts.name}</dt>
          <dd class="customer-name">{customer.name}</dd>
          {customer.kana !== "" && <dt>{texts.kana}</dt>}
          {customer.kana !== "" && <dd class="customer-kana">{customer.kana}</dd>}
          <dt>{texts.email}</dt>
          <dd class="customer-email">{customer.email}</dd>
          <dt>{texts.phone}</dt>
          <dd class="customer-phone">{customer.phone}</dd>
        </dl>
      </section>
      <section class="policy">
        <h2>{texts.policyTitle}</h2>
        <p>{texts.policyIntro}</p>
        <PolicyTable context={props.context} />
        <PolicyNotes context={props.context} />
      </section>
      <DamageWaiverTerms lang={lang} included={props.waiver} />

      <form class="confirm" method="post" action="/bookings">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="draft" value={props.draftId} />
        <div class={props.acceptMissing ? "field accept invalid" : "field accept"}>
          <label>
            <input
              type="checkbox"
              name="accept"
              value="yes"
              required
              {...(props.acceptMissing
                ? { "aria-invalid": true as const, "aria-describedby": "problem-accept" }
                : {})}
            />{" "}
            {texts.acceptTerms}
          </label>
          {props.acceptMissing && (
            <p class="field-problem" id="problem-accept">
              {texts.acceptProblem}
            </p>
          )}
        </div>
        <p class="hint">{texts.noCardHere}</p>
        <div class="actions">
          <a class="button secondary edit" href={props.editHref}>
            {texts.edit}
          </a>
          <button type="submit">{texts.proceedToPayment}</button>
        </div>
      </form>
    </Layout>
  );
}
