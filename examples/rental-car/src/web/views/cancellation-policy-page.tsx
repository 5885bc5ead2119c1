/**
 * @module
 * The published cancellation policy: a table built from `CANCELLATION_POLICY` itself (so the page
 * cannot drift from what a cancellation charges), shown on its own page and on the cancel page.
 */
import { CANCELLATION_POLICY } from "../../cancellations/cancellation-policy";
import { TEXTS } from "../i18n";
import { Layout, type PageContext } from "./layout";

/** The days before pick-up the free tier starts from (7: free until 7 days before). */
export const FREE_UNTIL_DAYS = CANCELLATION_POLICY.find((tier) => tier.percent === 0)?.minDays ?? 0;

/** The policy as a table; the tier of `currentPercent` (the cancel page's) is highlighted. */
export function PolicyTable(props: { context: PageContext; currentPercent?: number | undefined }) {
  const texts = TEXTS[props.context.lang];
  return (
    <table class="quote policy">
      <thead>
        <tr>
          <th>{texts.policyWhen}</th>
          <th class="amount">{texts.policyFee}</th>
        </tr>
      </thead>
      <tbody>
        {CANCELLATION_POLICY.map((tier, index) => {
          // A tier runs from its own notice up to the day before the previous (longer) tier's.
          const longer = CANCELLATION_POLICY[index - 1];
          const upTo = longer === undefined ? undefined : longer.minDays - 1;
          return (
            <tr
              key={tier.minDays}
              class={tier.percent === props.currentPercent ? "current" : undefined}
            >
              <td>{texts.policyTier(tier.minDays, upTo)}</td>
              <td class="amount">
                {tier.percent === 0 ? texts.policyFree : texts.policyPercent(tier.percent)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The notes under the table: how the fee is computed, and no cancelling after pick-up. */
export function PolicyNotes(props: { context: PageContext }) {
  const texts = TEXTS[props.context.lang];
  return (
    <ul class="hint policy-notes">
      <li>{texts.policyRefund}</li>
      <li>{texts.tooLateToCancel}</li>
    </ul>
  );
}

/** `GET /cancellation-policy`. */
export function CancellationPolicyPage(props: { context: PageContext }) {
  const texts = TEXTS[props.context.lang];
  return (
    <Layout context={props.context} title={texts.policyTitle}>
      <p>{texts.policyIntro}</p>
      <PolicyTable context={props.context} />
      <PolicyNotes context={props.context} />
      <p>{texts.policyHowTo}</p>
    </Layout>
  );
}
