/**
 * @module
 * KOMOJU's webhook requests: the event as compact JSON, `X-Komoju-Signature` the lower-case hex
 * HMAC-SHA256 of the raw body keyed with the webhook's secret token (no timestamp), with
 * `X-Komoju-ID` (the delivery), `X-Komoju-Event` (the type) and `User-Agent: Komoju-Webhook`.
 */
import { hmacSha256 } from "@linkpay/core/provider-kit";
import { randomAlphanumeric } from "../../ids/new-id";
import type { WebhookSigner } from "../../webhooks/webhook-signer";
import type { KomojuEvent } from "../objects/komoju-shapes";

/** The hex signature KOMOJU puts in `X-Komoju-Signature` for `payload`. */
export function komojuSignature(payload: string, secret: string): string {
  return hmacSha256({ key: secret, data: payload, encoding: "hex" });
}

/** Signs KOMOJU events as KOMOJU does. */
export const komojuWebhookSigner: WebhookSigner<KomojuEvent> = {
  request({ event, secret, deliveryId }) {
    const body = JSON.stringify(event);
    return {
      body,
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Komoju-Webhook",
        "X-Komoju-ID": deliveryId,
        "X-Komoju-Event": event.type,
        "X-Komoju-Signature": komojuSignature(body, secret),
      },
    };
  },
  wrongSecret: () => randomAlphanumeric(32),
};
