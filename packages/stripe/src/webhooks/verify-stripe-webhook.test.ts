/**
 * @module
 * The bad-signature cases of SECURITY.md, run through `provider.parseWebhook`: raw bytes only,
 * strict header, timestamps both ways, rotation, and a round trip with the official SDK.
 */
import { describe, expect, it } from "@jest/globals";
import {
  type ErrorCode,
  isLinkpayError,
  type LinkpayError,
  type WebhookDelivery,
} from "@linkpay/core";
import type { HeaderRecord } from "@linkpay/core/provider-kit";
import { errorOf, rejectionOf } from "@linkpay/core/testing";
import Stripe from "stripe";
import { createStripeProvider } from "../create-stripe-provider";
import type { StripeProviderOptions } from "../options/stripe-provider-options";
import { FAKE_SECRET_KEY } from "../test/fake-stripe-server";
import {
  NOW,
  NOW_SECONDS,
  OTHER_WEBHOOK_SECRET,
  sessionObject,
  signedDelivery,
  stripeBody,
  stripeEvent,
  TEST_WEBHOOK_SECRET,
} from "../test/stripe-fixtures";
import { signStripeWebhook } from "./sign-stripe-webhook";

const BODY = stripeBody(
  stripeEvent("checkout.session.completed", sessionObject(), { id: "evt_ok" }),
);
const HEADER = signStripeWebhook({
  payload: BODY,
  secret: TEST_WEBHOOK_SECRET,
  timestamp: NOW_SECONDS,
});
const V1 = HEADER.split(",v1=")[1] ?? "";
const WRONG_V1 =
  signStripeWebhook({ payload: BODY, secret: OTHER_WEBHOOK_SECRET, timestamp: NOW_SECONDS }).split(
    ",v1=",
  )[1] ?? "";

function provider(overrides: Partial<StripeProviderOptions> = {}) {
  return createStripeProvider({
    secretKey: FAKE_SECRET_KEY,
    webhookSecrets: TEST_WEBHOOK_SECRET,
    now: () => NOW,
    ...overrides,
  });
}

async function failure(delivery: WebhookDelivery, overrides: Partial<StripeProviderOptions> = {}) {
  const error = await rejectionOf(provider(overrides).parseWebhook(delivery));
  if (!isLinkpayError(error)) throw new Error(`expected a LinkpayError, got ${String(error)}`);
  return error;
}

async function codeFor(
  rawBody: unknown,
  headers: HeaderRecord,
  overrides: Partial<StripeProviderOptions> = {},
): Promise<ErrorCode> {
  // A WebhookDelivery with an unchecked body, as an untyped caller (or a JSON parser) produces.
  const delivery: { rawBody: unknown; headers: HeaderRecord } = { rawBody, headers };
  const error = await rejectionOf(provider(overrides).parseWebhook(delivery as WebhookDelivery));
  if (!isLinkpayError(error)) throw new Error(`expected a LinkpayError, got ${String(error)}`);
  return error.code;
}

const withHeader = (value: string | readonly string[] | undefined): HeaderRecord => ({
  "stripe-signature": value,
});

describe("parseWebhook signature checks", () => {
  it("accepts a header from the SDK's generateTestHeaderString (round trip one way)", async () => {
    const header = Stripe.webhooks.generateTestHeaderString({
      payload: BODY,
      secret: TEST_WEBHOOK_SECRET,
      timestamp: NOW_SECONDS,
    });
    const event = await provider().parseWebhook({ rawBody: BODY, headers: withHeader(header) });
    expect(event).toMatchObject({ kind: "payment.succeeded", eventId: "evt_ok" });
  });

  it("produces headers the SDK's constructEvent accepts (round trip the other way)", () => {
    const event = Stripe.webhooks.constructEvent(
      BODY,
      signedDelivery(BODY).headers["stripe-signature"]?.toString() ?? "",
      TEST_WEBHOOK_SECRET,
      300,
      undefined,
      NOW.getTime(),
    );
    expect(event.id).toBe("evt_ok");
  });

  it("accepts the raw body as text, Buffer, or a Uint8Array view into a larger buffer", async () => {
    const backing = Buffer.from(`xx${BODY}yy`);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, Buffer.byteLength(BODY));
    for (const rawBody of [BODY, Buffer.from(BODY), view]) {
      const event = await provider().parseWebhook({ rawBody, headers: withHeader(HEADER) });
      expect(event.eventId).toBe("evt_ok");
    }
  });

  it("looks the header up case-insensitively", async () => {
    const event = await provider().parseWebhook({
      rawBody: BODY,
      headers: { "Stripe-Signature": HEADER },
    });
    expect(event.eventId).toBe("evt_ok");
  });

  it("rejects a re-serialized body, telling the developer to pass the raw bytes", async () => {
    const reserialized = JSON.stringify(JSON.parse(BODY));
    expect(reserialized).not.toBe(BODY);
    const error = await failure({ rawBody: reserialized, headers: withHeader(HEADER) });
    expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(error.message).toContain("raw request bytes");
  });

  it("rejects one tampered byte, a wrong secret and a tampered timestamp", async () => {
    const tampered = Buffer.from(BODY);
    tampered[BODY.indexOf("12400")] = "9".charCodeAt(0);
    expect(await codeFor(tampered, withHeader(HEADER))).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(await codeFor(BODY, withHeader(HEADER), { webhookSecrets: OTHER_WEBHOOK_SECRET })).toBe(
      "WEBHOOK_SIGNATURE_INVALID",
    );
    const shifted = `t=${NOW_SECONDS + 1},v1=${V1}`;
    expect(await codeFor(BODY, withHeader(shifted))).toBe("WEBHOOK_SIGNATURE_INVALID");
  });

  it("reports a missing or empty header as MISSING", async () => {
    expect(await codeFor(BODY, {})).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(await codeFor(BODY, withHeader(undefined))).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(await codeFor(BODY, withHeader(""))).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(await codeFor(BODY, withHeader([]))).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(await codeFor(BODY, withHeader(["", ""]))).toBe("WEBHOOK_SIGNATURE_MISSING");
  });

  it.each([
    ["garbage", "garbage"],
    ["no timestamp", `v1=${V1}`],
    ["no v1 signature", `t=${NOW_SECONDS}`],
    ["only a v0 signature", `t=${NOW_SECONDS},v0=${V1}`],
    ["a non-numeric timestamp", `t=abc,v1=${V1}`],
    ["a timestamp with junk after it", `t=${NOW_SECONDS}abc,v1=${V1}`],
    ["a negative timestamp", `t=-${NOW_SECONDS},v1=${V1}`],
    ["two timestamps", `t=${NOW_SECONDS},t=${NOW_SECONDS},v1=${V1}`],
    ["a short signature", `t=${NOW_SECONDS},v1=abc123`],
    ["an upper-case signature", `t=${NOW_SECONDS},v1=${V1.toUpperCase()}`],
    ["spaces after commas", `t=${NOW_SECONDS}, v1=${V1}`],
    ["a trailing comma", `${HEADER},`],
    ["a folded repeat", `${HEADER}, ${HEADER}`],
  ])("reports a header with %s as MALFORMED", async (_, header) => {
    expect(await codeFor(BODY, withHeader(header))).toBe("WEBHOOK_SIGNATURE_MALFORMED");
  });

  it("refuses a repeated header with different values, tolerates identical copies", async () => {
    const other = `t=${NOW_SECONDS},v1=${WRONG_V1}`;
    expect(await codeFor(BODY, withHeader([HEADER, other]))).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(await codeFor(BODY, { "stripe-signature": HEADER, "Stripe-Signature": other })).toBe(
      "WEBHOOK_SIGNATURE_MALFORMED",
    );
    const event = await provider().parseWebhook({
      rawBody: BODY,
      headers: withHeader([HEADER, HEADER]),
    });
    expect(event.eventId).toBe("evt_ok");
  });

  it("accepts one valid signature among several, and ignores v0", async () => {
    for (const header of [
      `t=${NOW_SECONDS},v1=${WRONG_V1},v1=${V1}`,
      `t=${NOW_SECONDS},v1=${V1},v1=${WRONG_V1}`,
      `v1=${WRONG_V1},t=${NOW_SECONDS},v0=${WRONG_V1},v1=${V1}`,
    ]) {
      const event = await provider().parseWebhook({ rawBody: BODY, headers: withHeader(header) });
      expect(event.eventId).toBe("evt_ok");
    }
    const allWrong = `t=${NOW_SECONDS},v1=${WRONG_V1},v1=${WRONG_V1}`;
    expect(await codeFor(BODY, withHeader(allWrong))).toBe("WEBHOOK_SIGNATURE_INVALID");
  });

  it("accepts either secret of a rotation pair", async () => {
    const byOther = signedDelivery(BODY, { secret: OTHER_WEBHOOK_SECRET });
    const rotation = { webhookSecrets: [TEST_WEBHOOK_SECRET, OTHER_WEBHOOK_SECRET] };
    expect((await provider(rotation).parseWebhook(byOther)).eventId).toBe("evt_ok");
    expect((await provider(rotation).parseWebhook(signedDelivery(BODY))).eventId).toBe("evt_ok");
    const reversed = { webhookSecrets: [OTHER_WEBHOOK_SECRET, TEST_WEBHOOK_SECRET] };
    expect((await provider(reversed).parseWebhook(signedDelivery(BODY))).eventId).toBe("evt_ok");
  });

  it("rejects stale and future timestamps, accepting the edges of the window", async () => {
    const at = (offset: number) => signedDelivery(BODY, { timestamp: NOW_SECONDS + offset });
    expect((await failure(at(-301))).code).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
    expect((await failure(at(301))).code).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect((await failure(at(3_600_000))).code).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect((await provider().parseWebhook(at(-300))).eventId).toBe("evt_ok");
    expect((await provider().parseWebhook(at(300))).eventId).toBe("evt_ok");
  });

  it("uses the configured tolerance in both directions", async () => {
    const tight = { webhookToleranceSeconds: 60 };
    const at = (offset: number) => signedDelivery(BODY, { timestamp: NOW_SECONDS + offset });
    expect((await failure(at(-61), tight)).code).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
    expect((await failure(at(61), tight)).code).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect((await provider(tight).parseWebhook(at(-60))).eventId).toBe("evt_ok");
  });

  it("checks the timestamp before the signature", async () => {
    const staleAndWrong = `t=${NOW_SECONDS - 301},v1=${WRONG_V1}`;
    expect(await codeFor(BODY, withHeader(staleAndWrong))).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
  });

  it("refuses a parsed JSON body as a developer mistake, naming the JSON parser", async () => {
    const error = await rejectionOf(
      provider().parseWebhook({ rawBody: JSON.parse(BODY), headers: withHeader(HEADER) }),
    );
    expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(true);
    expect(isLinkpayError(error) && error.message).toContain("JSON parser ran");
    expect(await codeFor(undefined, withHeader(HEADER))).toBe("CONFIG_INVALID");
    expect(await codeFor(new ArrayBuffer(4), withHeader(HEADER))).toBe("CONFIG_INVALID");
  });

  it("verifies the exact bytes: invalid UTF-8 and a byte-order mark are not smoothed over", async () => {
    const invalid = Buffer.concat([Buffer.from(BODY), Buffer.from([0xff])]);
    expect(await codeFor(invalid, withHeader(HEADER))).toBe("WEBHOOK_SIGNATURE_INVALID");
    // The SDK alone would strip the BOM and accept; these bytes are not the ones Stripe signed.
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY)]);
    expect(await codeFor(withBom, withHeader(HEADER))).toBe("WEBHOOK_SIGNATURE_INVALID");
  });

  it("reports an authentic body that is not a Stripe event as WEBHOOK_PAYLOAD_INVALID", async () => {
    const notJson = "this is not JSON";
    expect((await failure(signedDelivery(notJson))).code).toBe("WEBHOOK_PAYLOAD_INVALID");
    const thin = JSON.stringify({ id: "evt_thin", object: "v2.core.event", type: "x" });
    expect((await failure(signedDelivery(thin))).code).toBe("WEBHOOK_PAYLOAD_INVALID");
  });

  it("never quotes the secret or the signature in errors", async () => {
    const errors: LinkpayError[] = [
      await failure(
        { rawBody: BODY, headers: withHeader(HEADER) },
        { webhookSecrets: OTHER_WEBHOOK_SECRET },
      ),
      await failure({ rawBody: BODY, headers: withHeader(`t=${NOW_SECONDS},v1=${V1.slice(1)}`) }),
    ];
    for (const error of errors) {
      const text = `${error.message} ${JSON.stringify(error.details)}`;
      for (const secret of [TEST_WEBHOOK_SECRET, OTHER_WEBHOOK_SECRET, V1.slice(1, 20)]) {
        expect(text).not.toContain(secret.slice(6));
      }
    }
  });

  it("refuses a signing secret with stray whitespace at construction", () => {
    const error = errorOf(() => provider({ webhookSecrets: `${TEST_WEBHOOK_SECRET}\n` }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("webhookSecrets has trailing whitespace");
  });

  it("refuses a live key with a plain-http API base URL at construction", () => {
    const error = errorOf(() =>
      provider({
        secretKey: "sk_live_51AbCdEf",
        apiBaseUrl: "http://127.0.0.1:4242",
        checkoutOrigins: ["https://checkout.stripe.com"],
      }),
    );
    expect(error.code).toBe("CONFIG_INVALID");
  });
});
