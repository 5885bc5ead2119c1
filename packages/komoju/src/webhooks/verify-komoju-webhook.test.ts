/**
 * @module
 * Tests for the KOMOJU signature check: expected signatures are computed here with node:crypto,
 * independently of the code under test.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { errorOf } from "@linkpay/core/testing";
import { createKomojuProvider } from "../create-komoju-provider";
import { FAKE_SECRET_KEY } from "../test/fake-komoju-server";
import { OTHER_WEBHOOK_SECRET, TEST_WEBHOOK_SECRET } from "../test/komoju-fixtures";
import { KOMOJU_SIGNATURE_HEADER } from "./komoju-headers";
import { signKomojuWebhook } from "./sign-komoju-webhook";
import { verifyKomojuWebhook } from "./verify-komoju-webhook";

const BODY =
  '{"id":"evt_1","type":"ping","resource":"event","data":{},"created_at":"2027-01-15T08:00:00Z"}';

function hmac(secret: string, body: string | Buffer): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

function verify(
  headers: Record<string, string | string[]>,
  rawBody: unknown = BODY,
  secrets: readonly string[] = [TEST_WEBHOOK_SECRET],
) {
  return () => verifyKomojuWebhook({ rawBody, headers, secrets });
}

const signed = { [KOMOJU_SIGNATURE_HEADER]: hmac(TEST_WEBHOOK_SECRET, BODY) };

describe("signKomojuWebhook", () => {
  it("is lower-case hex HMAC-SHA256 of the exact bytes under the secret token", () => {
    expect(signKomojuWebhook({ payload: BODY, secret: TEST_WEBHOOK_SECRET })).toBe(
      hmac(TEST_WEBHOOK_SECRET, BODY),
    );
    // A fixed vector, computed with `printf payload | openssl dgst -sha256 -hmac secret`.
    expect(signKomojuWebhook({ payload: "payload", secret: "secret" })).toBe(
      "b82fcb791acec57859b989b430a826488ce2e479fdf92326bd0a2e8375a42ba4",
    );
  });
});

describe("verifyKomojuWebhook", () => {
  it("returns the parsed body of an authentic delivery, header name in any case", () => {
    expect(verify(signed)()).toMatchObject({ id: "evt_1", type: "ping" });
    const upperName = { "X-Komoju-Signature": signed[KOMOJU_SIGNATURE_HEADER] };
    expect(verify(upperName)()).toMatchObject({ id: "evt_1" });
    expect(verify(signed, Buffer.from(BODY))()).toMatchObject({ id: "evt_1" });
  });

  it("refuses a tampered byte and a re-serialized body", () => {
    const tampered = Buffer.from(BODY);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    expect(errorOf(verify(signed, tampered)).code).toBe("WEBHOOK_SIGNATURE_INVALID");
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    expect(errorOf(verify(signed, pretty)).code).toBe("WEBHOOK_SIGNATURE_INVALID");
  });

  it("refuses a missing, empty, upper-case, short or doubled signature header", () => {
    expect(errorOf(verify({})).code).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(errorOf(verify({ [KOMOJU_SIGNATURE_HEADER]: "" })).code).toBe(
      "WEBHOOK_SIGNATURE_MISSING",
    );
    const upper = { [KOMOJU_SIGNATURE_HEADER]: hmac(TEST_WEBHOOK_SECRET, BODY).toUpperCase() };
    expect(errorOf(verify(upper)).code).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    const short = { [KOMOJU_SIGNATURE_HEADER]: hmac(TEST_WEBHOOK_SECRET, BODY).slice(0, 63) };
    expect(errorOf(verify(short)).code).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    const doubled = {
      [KOMOJU_SIGNATURE_HEADER]: [
        hmac(TEST_WEBHOOK_SECRET, BODY),
        hmac(OTHER_WEBHOOK_SECRET, BODY),
      ],
    };
    expect(errorOf(verify(doubled)).code).toBe("WEBHOOK_SIGNATURE_MALFORMED");
  });

  it("accepts any current secret while rotating, and refuses another webhook's", () => {
    const byOld = { [KOMOJU_SIGNATURE_HEADER]: hmac(OTHER_WEBHOOK_SECRET, BODY) };
    expect(verify(byOld, BODY, [TEST_WEBHOOK_SECRET, OTHER_WEBHOOK_SECRET])()).toMatchObject({
      id: "evt_1",
    });
    const error = errorOf(verify(byOld));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(error.kind).toBe("not_authentic");
    expect(error.message).not.toContain(TEST_WEBHOOK_SECRET);
  });

  it("parses only after verifying: a signed non-JSON body is WEBHOOK_PAYLOAD_INVALID", () => {
    const text = "not json";
    const headers = { [KOMOJU_SIGNATURE_HEADER]: hmac(TEST_WEBHOOK_SECRET, text) };
    expect(errorOf(verify(headers, text)).code).toBe("WEBHOOK_PAYLOAD_INVALID");
    expect(errorOf(verify({}, "not json")).code).toBe("WEBHOOK_SIGNATURE_MISSING");
    const bytes = Buffer.from([0xff, 0xfe]);
    const badUtf8 = { [KOMOJU_SIGNATURE_HEADER]: hmac(TEST_WEBHOOK_SECRET, bytes) };
    expect(errorOf(verify(badUtf8, bytes)).code).toBe("WEBHOOK_PAYLOAD_INVALID");
  });

  it("refuses a body a JSON parser already parsed, saying so", () => {
    const error = errorOf(verify(signed, JSON.parse(BODY)));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("raw");
  });
});

describe("webhook secrets at construction", () => {
  const base = { secretKey: FAKE_SECRET_KEY };
  it.each([
    ["an empty secret", ""],
    ["an empty list", []],
    ["a secret with a trailing newline", `${TEST_WEBHOOK_SECRET}\n`],
    ["the API key in its place", FAKE_SECRET_KEY],
  ])("refuses %s", (_, webhookSecrets) => {
    const error = errorOf(() => createKomojuProvider({ ...base, webhookSecrets }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("webhookSecrets");
    expect(error.message).not.toContain(FAKE_SECRET_KEY);
  });
});
