/**
 * @module
 * Wires the public {@link Sandbox} handle to the server's start/stop and the operator actions.
 */
import { LinkpayError } from "@linkpay/core";
import type { KomojuMode } from "../komoju/komoju-mode";
import type { EventObject } from "../objects/stripe-shapes";
import type { OperatorActions } from "../operator/operator-actions";
import type { WebhookDispatcher } from "../webhooks/webhook-dispatcher";
import type { Sandbox, SandboxAddress } from "./sandbox-handle";

/** What {@link createHandle} wires together. */
export interface HandleParts {
  readonly operator: OperatorActions;
  readonly dispatcher: WebhookDispatcher<EventObject>;
  readonly komoju: Pick<KomojuMode, "handle" | "dispatcher">;
  readonly origin: () => string;
  readonly port: () => number | undefined;
  readonly start: () => Promise<SandboxAddress>;
  readonly stop: () => Promise<void>;
}

/** Builds the public handle. */
export function createHandle(parts: HandleParts): Sandbox {
  const { operator, dispatcher, komoju } = parts;
  let listening: Promise<SandboxAddress> | undefined;
  const started = (): number => {
    const port = parts.port();
    if (port === undefined)
      throw new LinkpayError(
        "CONFIG_INVALID",
        "The sandbox is not listening: await listen() first.",
      );
    return port;
  };
  return {
    listen() {
      if (listening !== undefined)
        throw new LinkpayError("CONFIG_INVALID", "The sandbox is already listening.");
      listening = parts.start().catch((error: unknown) => {
        listening = undefined;
        throw error;
      });
      return listening;
    },
    async close() {
      await parts.stop();
    },
    get origin() {
      started();
      return parts.origin();
    },
    get port() {
      return started();
    },
    sessions: () => operator.sessions(),
    expireSession: (sessionId) => operator.expire(sessionId),
    markKonbiniPaid: (sessionId) => operator.konbiniPaid(sessionId),
    markKonbiniExpired: (sessionId) => operator.konbiniExpired(sessionId),
    setFaults: (faults) => operator.setFaults(faults),
    setSessionFaults: (sessionId, faults) => operator.setSessionFaults(sessionId, faults),
    deliveries: (filter) => operator.deliveries(filter),
    resendDelivery: (deliveryId) =>
      komoju.dispatcher.has(deliveryId)
        ? komoju.dispatcher.resend(deliveryId)
        : operator.resend(deliveryId),
    async whenDeliveriesSettled() {
      await Promise.all([dispatcher.whenSettled(), komoju.dispatcher.whenSettled()]);
    },
    komoju: komoju.handle,
  };
}
