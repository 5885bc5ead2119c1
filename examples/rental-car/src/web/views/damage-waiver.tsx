/**
 * @module
 * The damage-waiver (免責補償) terms as the confirmation step shows them: what the waiver covers,
 * the non-operation charge (NOC) it does not, and whether this booking includes it.
 */

import { findOption } from "../../catalogue/catalogue";
import {
  DAMAGE_WAIVER_OPTION,
  DEDUCTIBLE,
  NOC_DRIVABLE,
  NOC_NOT_DRIVABLE,
} from "../../catalogue/damage-waiver";
import { formatYen, type Lang } from "../format";
import { TEXTS } from "../i18n";

/** The terms, and a line saying whether the booking has the waiver (`included`). */
export function DamageWaiverTerms(props: { readonly lang: Lang; readonly included: boolean }) {
  const { lang } = props;
  const texts = TEXTS[lang];
  const yen = (amount: number) => formatYen(amount, lang);
  const price = findOption(DAMAGE_WAIVER_OPTION)?.price ?? 0;
  return (
    <section class="waiver">
      <h2>{texts.waiverTitle}</h2>
      <p class={props.included ? "waiver-included" : "waiver-missing"}>
        {props.included ? texts.waiverChosen : texts.waiverNotChosen}
      </p>
      <ul class="waiver-terms">
        <li>{texts.waiverCovers(yen(price), yen(DEDUCTIBLE))}</li>
        <li>{texts.waiverNoc(yen(NOC_DRIVABLE), yen(NOC_NOT_DRIVABLE))}</li>
        <li>{texts.waiverWithout}</li>
        <li>{texts.waiverPolice}</li>
      </ul>
    </section>
  );
}
