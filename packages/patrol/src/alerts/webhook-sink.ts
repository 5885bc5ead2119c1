/**
 * @module
 * Posts alerts as signed JSON. Each attempt is signed afresh (the timestamp must be recent when
 * it arrives); network errors, 429 and 5xx are retried with exponential backoff, any other
 * non-2xx answer fails at once. Redirects are not followed: a signed alert goes only where it
 * was configured to go.
 */
import { AlertDeliveryError } from "./alert-delivery-error";
import { errorField } from "./error-fields";
import type { AlertSink, PatrolAlert } from "./patrol-alert";
import { toPatrolAlertPayload } from "./patrol-webhook-payload";
import {
  PATROL_ID_HEADER,
  PATROL_SIGNATURE_HEADER,
  signPatrolWebhook,
} from "./patrol-webhook-signature";
import {
  type ResolvedWebhookOptions,
  resolveWebhookOptions,
  type WebhookSinkOptions,
} from "./webhook-options";

const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

type Attempt = { readonly ok: true } | { readonly ok: false; retry: boolean; reason: string };

/**
 * A sink that POSTs `{ type: "patrol.alert", runId, site, at, verdict, findings }`, signed in
 * `Linkpay-Patrol-Signature` (receivers check it with `verifyPatrolWebhook`).
 *
 * @throws LinkpayError CONFIG_INVALID at creation for a bad option.
 * @example
 * const sink = webhookSink({ url: "https://ops.example/patrol", secret: process.env.PATROL_SECRET ?? "" });
 */
export function webhookSink(options: WebhookSinkOptions): AlertSink {
  const resolved = resolveWebhookOptions(options);
  const name = `webhook ${resolved.display}`;
  return {
    name,
    async send(alert) {
      const body = JSON.stringify(toPatrolAlertPayload(alert));
      for (let attempt = 0; ; attempt += 1) {
        const outcome = await post(resolved, alert, body);
        if (outcome.ok) return;
        const attempts = `${attempt + 1} attempt${attempt === 0 ? "" : "s"}`;
        if (!outcome.retry) {
          throw new AlertDeliveryError("ALERT_REJECTED", name, `${name}: ${outcome.reason}`);
        }
        if (attempt >= resolved.retries) {
          const message = `${name}: ${outcome.reason} (gave up after ${attempts})`;
          throw new AlertDeliveryError("ALERT_UNAVAILABLE", name, message);
        }
        await resolved.sleep(Math.min(FIRST_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS));
      }
    },
  } satisfies AlertSink;
}

async function post(
  options: ResolvedWebhookOptions,
  alert: PatrolAlert,
  body: string,
): Promise<Attempt> {
  const timestamp = Math.floor(options.now().getTime() / 1000);
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "linkpay-patrol",
        [PATROL_ID_HEADER]: alert.runId,
        [PATROL_SIGNATURE_HEADER]: signPatrolWebhook({
          rawBody: body,
          secret: options.secret,
          timestamp,
        }),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    return { ok: false, retry: true, reason: describeNetworkError(error, options.timeoutMs) };
  }
  // Nothing in the answer is used; a body that fails while being discarded changes nothing.
  await response.body?.cancel().catch(() => undefined);
  return classify(response.status);
}

function classify(status: number): Attempt {
  if (status >= 200 && status < 300) return { ok: true };
  const reason = `answered HTTP ${status}`;
  if (status === 429 || status >= 500) return { ok: false, retry: true, reason };
  const hint =
    status >= 300 && status < 400
      ? "; redirects are not followed, configure the final URL"
      : "; not retried, check the URL and the receiver's secret";
  return { ok: false, retry: false, reason: `${reason}${hint}` };
}

// Only names and codes: a cause's message could quote the URL, whose path may hold a token.
function describeNetworkError(error: unknown, timeoutMs: number): string {
  const name = errorField(error, "name");
  if (name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const code = errorField(errorField(error, "cause"), "code");
  const reason = typeof code === "string" ? code : typeof name === "string" ? name : "unknown";
  return `could not connect (${reason})`;
}
