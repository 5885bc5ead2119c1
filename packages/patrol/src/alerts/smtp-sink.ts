/**
 * @module
 * Sends alerts as plain-text e-mail through nodemailer's SMTP transport. Credentials live only in
 * the URL handed to nodemailer: the sink's name and errors show `scheme://host:port`, and any
 * credential a server echoes back is masked. Plain `smtp://` to a host other than loopback
 * requires STARTTLS, so a password is never sent in clear (`?requireTLS=false` opts out).
 */
import { createTransport } from "nodemailer";
import * as z from "zod";
import { AlertDeliveryError } from "./alert-delivery-error";
import { DEFAULT_SUBJECT_PREFIX, formatAlertEmail } from "./alert-email";
import { errorField, errorMessage } from "./error-fields";
import type { AlertSink } from "./patrol-alert";
import { displayUrl, invalidSinkOption, isLoopbackHost, parseSinkOptions } from "./sink-options";

/** Options of {@link smtpSink}. */
export interface SmtpSinkOptions {
  /** `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465` (TLS). */
  readonly url: string;
  /** The sender, e.g. `Patrol <patrol@shop.example>`. */
  readonly from: string;
  /** One or more recipients. */
  readonly to: string | readonly string[];
  /** Put before the summary in the subject (default `[linkpay patrol]`). */
  readonly subjectPrefix?: string | undefined;
  /** Connection, greeting and socket time-out in milliseconds (default 30000). */
  readonly timeoutMs?: number | undefined;
}

const SINK = "email";
const address = z.string({ error: "must be a string" }).trim().min(1, "must not be empty");

const schema = z.strictObject({
  url: z.string({ error: "must be a URL string (is the environment variable set?)" }),
  from: address,
  to: z.union([address, z.array(address).min(1, "must list at least one recipient")], {
    error: "must be an address or a list of addresses",
  }),
  subjectPrefix: z.string().default(DEFAULT_SUBJECT_PREFIX),
  timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
});

// Codes and SMTP replies that sending again will not fix.
const REJECTED_CODES: ReadonlySet<string> = new Set(["EAUTH", "ENOAUTH", "EENVELOPE", "ECONFIG"]);

/**
 * A sink that e-mails each alert.
 *
 * @throws LinkpayError CONFIG_INVALID at creation for a bad option.
 * @example
 * smtpSink({ url: process.env.PATROL_SMTP_URL ?? "", from: "patrol@shop.example", to: "ops@shop.example" });
 */
export function smtpSink(options: SmtpSinkOptions): AlertSink {
  const { url: text, from, to, subjectPrefix, timeoutMs } = parseSinkOptions(SINK, schema, options);
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined) throw invalidSinkOption(SINK, "url", "is not an absolute URL");
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw invalidSinkOption(SINK, "url", "must start with smtp:// or smtps://");
  }
  const name = `email ${displayUrl(url)}`;
  const credentials = [url.username, url.password]
    .flatMap((part) => [part, safeDecode(part)])
    .filter((part) => part !== "");
  const transport = createTransport({
    url: text,
    requireTLS: url.protocol === "smtp:" && !isLoopbackHost(url.hostname),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    name,
    async send(alert) {
      const { subject, text: body } = formatAlertEmail(alert, subjectPrefix);
      try {
        await transport.sendMail({
          from,
          to: typeof to === "string" ? to : [...to],
          subject,
          text: body,
        });
      } catch (error) {
        const code = String(errorField(error, "code") ?? "UNKNOWN");
        const reply = errorField(error, "responseCode");
        const rejected = REJECTED_CODES.has(code) || (typeof reply === "number" && reply >= 500);
        // The original error is not kept as `cause`: nodemailer attaches the failed command and
        // the server's reply, which may carry the credentials.
        const detail = mask(errorMessage(error), credentials);
        throw new AlertDeliveryError(
          rejected ? "ALERT_REJECTED" : "ALERT_UNAVAILABLE",
          name,
          `${name}: could not send (${code}): ${detail}`,
        );
      }
    },
  } satisfies AlertSink;
}

function mask(message: string, credentials: readonly string[]): string {
  return credentials.reduce((text, credential) => text.replaceAll(credential, "***"), message);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
