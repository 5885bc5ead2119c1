/**
 * @module
 * Refuses API requests that carry a card number anywhere (metadata, names, the query), so no full
 * card number can reach the sandbox's records, events or logs. Stricter than Stripe on purpose.
 */
import { findCardNumbers } from "@linkpay/core";
import type { RequestHandler } from "express";
import { invalidRequest } from "./sandbox-api-error";

/** `metadata.note` / `line_items[0].name` → Stripe's `metadata[note]` / `line_items[0][name]`. */
function bracketPath(path: string): string {
  return path.replace(/\.([^.[\]]+)/g, "[$1]");
}

/** Middleware answering 400 when the body or query holds a card number. */
export function refuseCardNumbers(): RequestHandler {
  return (req, _res, next) => {
    const [finding] = [...findCardNumbers(req.body ?? {}), ...findCardNumbers(req.query)];
    if (finding !== undefined) {
      const param = bracketPath(finding.path);
      throw invalidRequest(
        `A card number (${finding.brand} ending in ${finding.last4}) was sent in ${param}. ` +
          "Card numbers must never reach the API: the shopper types them on the hosted payment page only.",
        { param, code: "card_number_refused" },
      );
    }
    next();
  };
}
