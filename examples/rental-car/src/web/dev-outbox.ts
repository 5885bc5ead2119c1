/**
 * @module
 * The demo's outbox page, `GET /_dev/outbox`: when it is mounted, and what it reads. Without
 * SMTP_URL the confirmation e-mails only wait in the outbox table, so the demo shows them there;
 * it lists every customer's e-mail (and the booking links in them), hence never in production,
 * never with real payments and never when the e-mails really go out.
 */
import type { Kysely } from "@linkpay/store-sql";
import type { AppTables, OutboxTable } from "../db/app-tables";
import type { AppDeps } from "./app-deps";

/** Where the outbox page is. */
export const DEV_OUTBOX_PATH = "/_dev/outbox";

/** How many e-mails the page shows, newest first. */
export const DEV_OUTBOX_LIMIT = 100;

/** The page is mounted only on the sandbox, with no SMTP_URL, and not in production. */
export function devOutboxMounted(
  deps: Pick<AppDeps, "sandbox" | "production" | "mailBySmtp">,
): boolean {
  return deps.sandbox && !deps.production && deps.mailBySmtp !== true;
}

/** The newest e-mails of the outbox, sent or not. */
export function newestOutboxMessages(
  db: Kysely<AppTables>,
  limit = DEV_OUTBOX_LIMIT,
): Promise<OutboxTable[]> {
  return db
    .selectFrom("rc_outbox")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}
