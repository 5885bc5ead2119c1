/**
 * @module
 * Sends a webhook delivery through HTTP exactly as a provider would: the raw bytes and the
 * signature headers, with a chosen content type.
 */
import type { WebhookDelivery } from "@linkpay/core";
import request from "supertest";

/** How to send a delivery; anything given replaces the delivery's own part. */
export interface PostWebhookOptions {
  readonly path?: string | undefined;
  readonly body?: string | Buffer | undefined;
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
  /** Content type sent (default `application/json`); `null` sends none. */
  readonly contentType?: string | null | undefined;
}

/** The delivery's body as a Buffer. */
export function bodyOf(delivery: WebhookDelivery): Buffer {
  return Buffer.from(delivery.rawBody);
}

/** The delivery's headers as plain strings. */
export function headersOf(delivery: WebhookDelivery): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(delivery.headers)) {
    if (typeof value === "string") headers[name] = value;
    else if (value !== undefined) headers[name] = value.join(" ");
  }
  return headers;
}

/** POSTs `delivery` to the app or listening server (`/webhooks/fake` by default) and returns supertest's response. */
export function postWebhook(
  app: Parameters<typeof request>[0],
  delivery: WebhookDelivery,
  options: PostWebhookOptions = {},
): request.Test {
  let test = request(app).post(options.path ?? "/webhooks/fake");
  const headers = { ...headersOf(delivery), ...(options.headers ?? {}) };
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) test = test.set(name, value);
  }
  const body = options.body ?? bodyOf(delivery);
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  // superagent JSON-encodes a Buffer sent as JSON, and gives a string a form type: send text
  // (written as the same UTF-8 bytes) when a type is set, and a Buffer when none is.
  if (contentType === null) return test.send(Buffer.from(body));
  return test.set("Content-Type", contentType).send(body.toString());
}
