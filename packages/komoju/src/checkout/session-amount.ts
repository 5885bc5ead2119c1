/**
 * @module
 * A session's amount as core Money (KOMOJU counts in the currency's smallest unit, as core does).
 */
import { type Money, money } from "@linkpay/core";
import type { KomojuSession } from "../objects/komoju-schemas";

/** The session's amount. */
export function sessionAmount(session: Pick<KomojuSession, "amount" | "currency">): Money {
  return money(session.amount, session.currency);
}
