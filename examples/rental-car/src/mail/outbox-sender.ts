/**
 * @module
 * Sends queued e-mails over SMTP (nodemailer) when `SMTP_URL` is set; without it the outbox
 * table is the mailbox, which is what the demo and the tests read.
 */
import type { LinkpayLogger } from "@linkpay/express";
import type { Kysely } from "@linkpay/store-sql";
import { createTransport } from "nodemailer";
import type { AppTables } from "../db/app-tables";
import { markSent, unsentMessages } from "./outbox";

const INTERVAL_MS = 5_000;

/** Starts the sender; the returned function stops it. */
export function startOutboxSender(input: {
  readonly db: Kysely<AppTables>;
  readonly logger: LinkpayLogger;
  readonly smtpUrl: string | undefined;
  readonly now: () => Date;
  readonly from?: string | undefined;
}): () => Promise<void> {
  const { smtpUrl } = input;
  if (smtpUrl === undefined) return async () => {};
  const transport = createTransport(smtpUrl);
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        for (const message of await unsentMessages(input.db)) {
          await transport.sendMail({
            from: input.from ?? "bookings@rental.example",
            to: message.recipient,
            subject: message.subject,
            text: message.body,
          });
          await markSent(input.db, message.id, input.now());
        }
      } catch (error) {
        input.logger.warn({ err: error }, "outbox: sending failed; will retry");
      }
    });
  }, INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    transport.close();
  };
}
