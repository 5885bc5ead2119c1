/**
 * @module
 * One webhook POST over node:http(s), without connection pooling, so a closed sandbox leaves no
 * sockets behind and a slow endpoint counts as a failed attempt after the timeout.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** Input of {@link postWebhook}. */
export interface PostWebhookInput {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Aborts the attempt (the sandbox is closing). */
  readonly signal: AbortSignal;
}

/** POSTs `body` and resolves with the response status; rejects on connection errors and timeouts. */
export function postWebhook({
  url,
  body,
  headers,
  timeoutMs,
  signal,
}: PostWebhookInput): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      target,
      {
        method: "POST",
        agent: false,
        signal,
        timeout: timeoutMs,
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no response within ${timeoutMs} ms`)));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** A short, log-safe description of why an attempt failed. */
export function describeFailure(error: unknown): string {
  // Duck-typed: node's errors may come from another realm (vm contexts, test runners).
  if (typeof error !== "object" || error === null) return "request failed";
  const message = Reflect.get(error, "message");
  const code = Reflect.get(error, "code");
  const text = typeof message === "string" ? message : "request failed";
  return typeof code === "string" && !text.includes(code) ? `${code}: ${text}` : text;
}
