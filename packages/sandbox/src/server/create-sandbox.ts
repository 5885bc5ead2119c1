/**
 * @module
 * `createSandbox`: an offline payment provider that behaves like Stripe from the merchant's side —
 * the official SDK works against it — with a hosted payment page, signed webhooks and faults on
 * demand. For development, demos and CI only; never production.
 */
import { createServer, type Server } from "node:http";
import { redactingLogger, silentLogger } from "@linkpay/core";
import { IdempotencyStore } from "../api/idempotency";
import { systemClock } from "../clock/clock";
import { EventLog } from "../events/event-log";
import { matchesAnyEventType } from "../events/event-type-pattern";
import { FaultState } from "../faults/fault-state";
import { seededRandom } from "../faults/seeded-random";
import { createKomojuMode } from "../komoju/komoju-mode";
import { sweepExpired } from "../operations/expire-session";
import type { SandboxContext } from "../operations/sandbox-context";
import { OperatorActions } from "../operator/operator-actions";
import { hostForUrl } from "../options/loopback";
import { resolveOptions, type SandboxOptions } from "../options/sandbox-options";
import { SandboxState } from "../state/sandbox-state";
import { stripeWebhookSigner } from "../webhooks/stripe-webhook-signer";
import { WebhookDispatcher } from "../webhooks/webhook-dispatcher";
import { createApp } from "./create-app";
import { createHandle } from "./create-handle";
import type { Sandbox } from "./sandbox-handle";

/**
 * Creates a sandbox (validating `options`); call `listen()` to start it.
 *
 * @example
 * const sandbox = createSandbox({ webhooks: [{ url: "http://127.0.0.1:3000/webhooks/stripe", secret }] });
 * const { origin, port } = await sandbox.listen();
 * const stripe = new Stripe("sk_test_x", { host: "127.0.0.1", port, protocol: "http" });
 * @throws LinkpayError CONFIG_INVALID for invalid options or a non-loopback host.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved = resolveOptions(options);
  const clock = resolved.now ?? systemClock;
  const logger = redactingLogger(resolved.logger ?? silentLogger);
  let boundPort: number | undefined;
  const localOrigin = () => `http://${hostForUrl(resolved.host)}:${boundPort ?? resolved.port}`;
  const origin = () => resolved.publicOrigin ?? localOrigin();

  const endpoints = resolved.webhooks;
  const events = new EventLog(
    clock,
    (type) =>
      endpoints.filter((endpoint) => matchesAnyEventType(endpoint.enabledEvents, type)).length,
  );
  const context: SandboxContext = { state: new SandboxState(), events, clock, origin, logger };
  const faults = new FaultState(resolved.faults, seededRandom(resolved.seed));
  const dispatcher = new WebhookDispatcher({
    endpoints,
    retry: resolved.delivery,
    faults,
    events,
    signer: stripeWebhookSigner,
    clock,
    logger,
  });
  const operator = new OperatorActions(context, faults, dispatcher);
  const allowedOrigins = () => [...new Set([origin(), localOrigin()])];
  const komoju = createKomojuMode({
    options: resolved.komoju,
    clock,
    origin,
    allowedOrigins,
    faults,
    retry: resolved.delivery,
    merchantName: resolved.merchantName,
    apiKey: resolved.apiKey,
    logger,
  });
  const app = createApp({
    context,
    faults,
    idempotency: new IdempotencyStore(clock),
    operator,
    apiKey: resolved.apiKey,
    merchantName: resolved.merchantName,
    pendingWebhooks: (eventId) => dispatcher.pendingCount(eventId),
    allowedOrigins,
    logger,
    komoju,
  });

  let server: Server | undefined;
  let sweep: NodeJS.Timeout | undefined;

  return createHandle({
    operator,
    dispatcher,
    komoju,
    origin,
    port: () => boundPort,
    async start() {
      const listening = createServer(app);
      await new Promise<void>((resolve, reject) => {
        listening.once("error", reject);
        listening.listen(resolved.port, resolved.host, resolve);
      });
      const address = listening.address();
      if (address === null || typeof address === "string")
        throw new Error("the sandbox has no TCP address");
      server = listening;
      boundPort = address.port;
      if (resolved.expirySweepMs > 0) {
        sweep = setInterval(() => {
          sweepExpired(context);
          komoju.sweep();
        }, resolved.expirySweepMs);
        sweep.unref();
      }
      logger.info({ origin: origin() }, "sandbox listening");
      komoju.started();
      return { origin: origin(), port: address.port };
    },
    async stop() {
      clearInterval(sweep);
      dispatcher.close();
      komoju.dispatcher.close();
      const closing = server;
      server = undefined;
      if (closing === undefined) return;
      await new Promise<void>((resolve) => {
        closing.close(() => resolve());
        closing.closeAllConnections();
      });
    },
  });
}
