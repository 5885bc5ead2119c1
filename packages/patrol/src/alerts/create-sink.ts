/**
 * @module
 * Builds a sink from its configuration entry (environment variables already resolved by the
 * config loader).
 */
import { LinkpayError } from "@linkpay/core";
import { logSink } from "./log-sink";
import type { AlertSink } from "./patrol-alert";
import { smtpSink } from "./smtp-sink";
import { webhookSink } from "./webhook-sink";

/** One `alerts` entry of the patrol configuration. */
export type SinkSpec =
  | { readonly type: "log" }
  | { readonly type: "webhook"; readonly url: string; readonly secret: string }
  | {
      readonly type: "email";
      readonly url: string;
      readonly from: string;
      readonly to: string | readonly string[];
    };

/**
 * The sink a configuration entry describes.
 *
 * @throws LinkpayError CONFIG_INVALID for an unknown type or a bad option.
 * @example
 * const sinks = config.alerts.map(createSink);
 */
export function createSink(spec: SinkSpec): AlertSink {
  switch (spec.type) {
    case "log":
      return logSink();
    case "webhook":
      return webhookSink({ url: spec.url, secret: spec.secret });
    case "email":
      return smtpSink({ url: spec.url, from: spec.from, to: spec.to });
    default:
      return unknownType(spec);
  }
}

function unknownType(spec: never): never {
  const type: unknown = (spec as { type?: unknown }).type;
  throw new LinkpayError(
    "CONFIG_INVALID",
    `Unknown alert sink type ${JSON.stringify(type)}: use "log", "webhook" or "email"`,
  );
}
