/**
 * @module
 * Assembles the KOMOJU mode inside a sandbox: its records and event log, a webhook dispatcher
 * with KOMOJU's signer on the sandbox's shared faults and retry policy, the `/komoju` router (API
 * under `/api/v1`, hosted pages), the `/_sandbox/komoju` operator router and `sandbox.komoju`.
 */
import type { Logger } from "@linkpay/core";
import { Router as createRouter, type Router } from "express";
import { IdempotencyStore } from "../api/idempotency";
import type { Clock } from "../clock/clock";
import type { FaultState } from "../faults/fault-state";
import type { ResolvedOptions } from "../options/sandbox-options";
import type { RetryPolicy } from "../webhooks/dispatcher-options";
import { WebhookDispatcher } from "../webhooks/webhook-dispatcher";
import { komojuApiRouter } from "./api/komoju-api-router";
import { KOMOJU_IDEMPOTENCY } from "./api/komoju-idempotency";
import { komojuPageRoutes } from "./hosted-page/komoju-page-routes";
import type { KomojuSandbox } from "./komoju-sandbox";
import type { KomojuEvent } from "./objects/komoju-shapes";
import type { KomojuContext } from "./operations/komoju-context";
import { sweepKomojuExpired } from "./operations/komoju-session-lifecycle";
import { KomojuOperator } from "./operator/komoju-operator";
import { komojuOperatorRoutes } from "./operator/komoju-operator-routes";
import { KomojuEventLog } from "./state/komoju-event-log";
import { KomojuState } from "./state/komoju-state";
import { komojuWebhookSigner } from "./webhooks/komoju-webhook-signer";

/** What the KOMOJU mode is built from. */
export interface KomojuModeParts {
  readonly options: ResolvedOptions["komoju"];
  readonly clock: Clock;
  readonly origin: () => string;
  readonly allowedOrigins: () => readonly string[];
  readonly faults: FaultState;
  readonly retry: RetryPolicy;
  readonly merchantName: string;
  /** The Stripe-side key that guards the operator endpoints. */
  readonly apiKey: string | undefined;
  readonly logger: Logger;
}

/** The KOMOJU mode of one sandbox. */
export interface KomojuMode {
  /** Mount at `/komoju`. */
  readonly router: Router;
  /** Mount at `/_sandbox/komoju`, before `/_sandbox`. */
  readonly operatorRouter: Router;
  readonly handle: KomojuSandbox;
  readonly dispatcher: WebhookDispatcher<KomojuEvent>;
  /** Expires overdue sessions and konbini slips. */
  sweep(): void;
  /** Pings the endpoints when the sandbox starts listening (if there are any). */
  started(): void;
}

/** Builds the KOMOJU mode. */
export function createKomojuMode(parts: KomojuModeParts): KomojuMode {
  const { clock, logger } = parts;
  const baseUrl = () => `${parts.origin()}/komoju`;
  const events = new KomojuEventLog(clock);
  const context: KomojuContext = {
    state: new KomojuState(),
    events,
    clock,
    baseUrl,
    logger,
    konbiniExpiryDays: parts.options.konbiniExpiryDays,
  };
  const endpoints = parts.options.webhooks;
  const dispatcher = new WebhookDispatcher<KomojuEvent>({
    endpoints,
    retry: parts.retry,
    faults: parts.faults,
    events,
    signer: komojuWebhookSigner,
    clock,
    logger,
  });
  const operator = new KomojuOperator(context, dispatcher);
  const router = createRouter();
  router.use(
    "/api/v1",
    komojuApiRouter({
      context,
      faults: parts.faults,
      idempotency: new IdempotencyStore(clock, KOMOJU_IDEMPOTENCY),
      secretKey: parts.options.secretKey,
      logger,
    }),
  );
  router.use(
    komojuPageRoutes({
      context,
      merchantName: parts.merchantName,
      allowedOrigins: parts.allowedOrigins,
      logger,
    }),
  );
  return {
    router,
    operatorRouter: komojuOperatorRoutes(operator, parts.apiKey, logger),
    dispatcher,
    handle: {
      get baseUrl() {
        return baseUrl();
      },
      sessions: () => operator.sessions(),
      expireSession: (sessionId) => operator.expire(sessionId),
      markKonbiniPaid: (sessionId) => operator.konbiniPaid(sessionId),
      markKonbiniExpired: (sessionId) => operator.konbiniExpired(sessionId),
      sendPing: () => operator.sendPing(),
      deliveries: (filter) => operator.deliveries(filter),
    },
    sweep: () => sweepKomojuExpired(context),
    started() {
      if (endpoints.length > 0) operator.sendPing();
    },
  };
}
