/**
 * @module
 * The CLI's help text and usage error.
 */

/** The help text. */
export const USAGE = `linkpay-sandbox: an offline Stripe and KOMOJU emulator for development, demos and CI
(never production). Stripe's API is at /v1, KOMOJU's at /komoju/api/v1.

Start a sandbox:
  linkpay-sandbox [--port 4242] [--host 127.0.0.1] [--allow-non-loopback]
                  [--webhook-url URL --webhook-secret whsec_...]...
                  [--komoju-webhook-url URL --komoju-webhook-secret TOKEN]...
                  [--komoju-secret-key sk_test_...]
                  [--merchant-name NAME] [--api-key sk_test_...] [--public-origin URL]
                  [--seed N] [--faults JSON]
  Secrets may come from $LINKPAY_SANDBOX_WEBHOOK_SECRET, $LINKPAY_SANDBOX_KOMOJU_WEBHOOK_SECRET
  and $LINKPAY_SANDBOX_KOMOJU_SECRET_KEY instead.

Operate a running sandbox (--url defaults to http://127.0.0.1:4242; --api-key to
$LINKPAY_SANDBOX_API_KEY, else any sk_test_ key):
  linkpay-sandbox sessions                         list sessions
  linkpay-sandbox expire <session_id>              expire an open session now
  linkpay-sandbox konbini paid|expired <session_id>  settle a pending konbini payment
  linkpay-sandbox deliveries [--session ID] [--event ID]  show the webhook delivery log
  linkpay-sandbox resend <delivery_id>             deliver an event again
  linkpay-sandbox faults [--session ID] [--json '{"duplicate":2}']  show or set faults
  linkpay-sandbox komoju sessions                  list KOMOJU sessions
  linkpay-sandbox komoju expire <session_id>       expire a KOMOJU session (or its unpaid slip) now
  linkpay-sandbox komoju konbini paid|expired <session_id>  settle a KOMOJU konbini slip
  linkpay-sandbox komoju ping                      send a ping to every KOMOJU webhook endpoint

Exit codes: 0 success, 1 the sandbox refused or could not be reached, 2 usage error.
`;

/** A mistake in the command line (exit code 2). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
