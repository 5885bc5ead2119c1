/**
 * @module
 * Tests for standard-webhooks.ts.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import type { HeaderRecord } from "../signatures/header-lookup";
import { errorOf } from "./error-capture";
import {
  signStandardWebhook,
  type VerifyStandardWebhookInput,
  verifyStandardWebhook,
} from "./standard-webhooks";

// The test vector published with the Standard Webhooks reference libraries.
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const T = 1_614_265_330;
const PAYLOAD = '{"test": 2432232314}';
const SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
const OTHER_SECRET = `whsec_${Buffer.alloc(24, 7).toString("base64")}`;
const NOW = new Date(T * 1000);

const HEADERS = {
  "webhook-id": ID,
  "webhook-timestamp": String(T),
  "webhook-signature": SIGNATURE,
};
const valid: VerifyStandardWebhookInput = {
  rawBody: PAYLOAD,
  headers: HEADERS,
  secrets: [SECRET],
  now: NOW,
};
const verify = (overrides: Partial<VerifyStandardWebhookInput>) => () =>
  verifyStandardWebhook({ ...valid, ...overrides });
const codeOf = (overrides: Partial<VerifyStandardWebhookInput>): string =>
  errorOf(verify(overrides)).code;
const withHeaders = (headers: HeaderRecord): Partial<VerifyStandardWebhookInput> => ({
  headers: { ...HEADERS, ...headers },
});
const signAt = (timestamp: number, rawBody: string | Uint8Array = PAYLOAD, secret = SECRET) =>
  signStandardWebhook({ id: ID, timestamp, rawBody, secret });

describe("signStandardWebhook", () => {
  it("produces the published test vector", () => {
    expect(signStandardWebhook({ id: ID, timestamp: T, rawBody: PAYLOAD, secret: SECRET })).toEqual(
      HEADERS,
    );
    expect(
      signStandardWebhook({ id: ID, timestamp: NOW, rawBody: PAYLOAD, secret: SECRET }),
    ).toEqual(HEADERS);
  });

  it("matches an independent HMAC over `id.timestamp.payload` with the base64-decoded key", () => {
    const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
    const mac = createHmac("sha256", key).update(`${ID}.${T}.${PAYLOAD}`).digest("base64");
    expect(`v1,${mac}`).toBe(SIGNATURE);
  });

  it("signs bytes like their text and floors a Date to seconds", () => {
    const fromBytes = signStandardWebhook({
      id: ID,
      timestamp: new Date(T * 1000 + 999),
      rawBody: Buffer.from(PAYLOAD),
      secret: SECRET,
    });
    expect(fromBytes).toEqual(HEADERS);
  });

  it("refuses bad input as configuration errors", () => {
    const input = { id: ID, timestamp: T, rawBody: PAYLOAD, secret: SECRET };
    const code = (overrides: object) =>
      errorOf(() => signStandardWebhook({ ...input, ...overrides })).code;
    expect(code({ id: "" })).toBe("CONFIG_INVALID");
    expect(code({ timestamp: 1.5 })).toBe("CONFIG_INVALID");
    expect(code({ timestamp: new Date(Number.NaN) })).toBe("CONFIG_INVALID");
    expect(code({ secret: `${SECRET}\n` })).toBe("CONFIG_INVALID");
    expect(code({ rawBody: Buffer.from([0xff]) })).toBe("CONFIG_INVALID");
  });
});

describe("verifyStandardWebhook", () => {
  it("accepts the published test vector at its timestamp", () => {
    expect(verifyStandardWebhook(valid)).toEqual({ id: ID, timestamp: T, payload: PAYLOAD });
  });

  it("accepts the raw body as bytes and returns it as text", () => {
    const result = verifyStandardWebhook({ ...valid, rawBody: Buffer.from(PAYLOAD) });
    expect(result.payload).toBe(PAYLOAD);
    expect(verify({ rawBody: new TextEncoder().encode(PAYLOAD) })).not.toThrow();
    expect(verify({ secrets: SECRET })).not.toThrow();
  });

  it("looks headers up case-insensitively", () => {
    const headers = {
      "Webhook-Id": ID,
      "WEBHOOK-TIMESTAMP": String(T),
      "Webhook-Signature": SIGNATURE,
    };
    expect(verify({ headers })).not.toThrow();
  });

  it("rejects a re-serialized body and says to pass the raw bytes", () => {
    const reserialized = JSON.stringify(JSON.parse(PAYLOAD));
    expect(reserialized).toBe('{"test":2432232314}');
    const error = errorOf(verify({ rawBody: reserialized }));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(error.message).toContain("pass the raw request bytes");
  });

  it("refuses a parsed body as a developer mistake", () => {
    const parsed = JSON.parse(PAYLOAD) as string;
    const error = errorOf(verify({ rawBody: parsed }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("JSON parser ran before the webhook route");
  });

  it("rejects a tampered byte, a wrong secret, a tampered timestamp or id", () => {
    expect(codeOf({ rawBody: PAYLOAD.replace("2432", "2433") })).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(codeOf({ secrets: [OTHER_SECRET] })).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(codeOf(withHeaders({ "webhook-timestamp": String(T + 1) }))).toBe(
      "WEBHOOK_SIGNATURE_INVALID",
    );
    expect(codeOf(withHeaders({ "webhook-id": `${ID}x` }))).toBe("WEBHOOK_SIGNATURE_INVALID");
  });

  it("never puts secrets or signatures in the error", () => {
    const error = errorOf(verify({ secrets: [OTHER_SECRET] }));
    const text = `${error.message} ${JSON.stringify(error.details)}`;
    for (const secret of [SECRET.slice(6), OTHER_SECRET.slice(6), SIGNATURE.slice(3, 20)]) {
      expect(text).not.toContain(secret);
    }
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])(
    "reports a missing or empty %s as MISSING",
    (name) => {
      const { [name as keyof typeof HEADERS]: _, ...without } = HEADERS;
      const missing = errorOf(verify({ headers: without }));
      expect(missing.code).toBe("WEBHOOK_SIGNATURE_MISSING");
      expect(missing.message).toContain(name);
      expect(codeOf(withHeaders({ [name]: "" }))).toBe("WEBHOOK_SIGNATURE_MISSING");
      expect(codeOf(withHeaders({ [name]: undefined }))).toBe("WEBHOOK_SIGNATURE_MISSING");
      expect(codeOf(withHeaders({ [name]: [] }))).toBe("WEBHOOK_SIGNATURE_MISSING");
    },
  );

  it("reports no headers at all as MISSING, listing all three", () => {
    const error = errorOf(verify({ headers: {} }));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(error.details).toEqual({
      missing: ["webhook-id", "webhook-timestamp", "webhook-signature"],
    });
  });

  it.each([
    ["webhook-timestamp", "abc"],
    ["webhook-timestamp", `${T}abc`],
    ["webhook-timestamp", `${T}.5`],
    ["webhook-timestamp", "-1"],
    ["webhook-signature", "garbage"],
    ["webhook-signature", "v1"],
    ["webhook-signature", "v1,"],
    ["webhook-signature", "v1,short"],
    ["webhook-signature", `${SIGNATURE},extra`],
    ["webhook-signature", `${SIGNATURE} junk`],
    ["webhook-signature", SIGNATURE.slice(3)],
  ])("reports %s %p as MALFORMED", (name, value) => {
    expect(codeOf(withHeaders({ [name]: value }))).toBe("WEBHOOK_SIGNATURE_MALFORMED");
  });

  it("refuses a repeated id or timestamp with different values, tolerates identical copies", () => {
    expect(codeOf(withHeaders({ "webhook-id": [ID, "msg_other"] }))).toBe(
      "WEBHOOK_SIGNATURE_MALFORMED",
    );
    expect(codeOf(withHeaders({ "webhook-timestamp": [String(T), String(T + 1)] }))).toBe(
      "WEBHOOK_SIGNATURE_MALFORMED",
    );
    expect(verify(withHeaders({ "webhook-id": [ID, ID] }))).not.toThrow();
  });

  it("accepts one valid signature among several, however the header was repeated", () => {
    const wrong = signAt(T, PAYLOAD, OTHER_SECRET)["webhook-signature"];
    const cases: HeaderRecord[] = [
      { "webhook-signature": `${wrong} ${SIGNATURE}` },
      { "webhook-signature": `${SIGNATURE} ${wrong}` },
      { "webhook-signature": `v1a,c29tZS1lZDI1NTE5LXNpZw== ${SIGNATURE}` },
      { "webhook-signature": [wrong, SIGNATURE] },
      // Node folds a repeated header into one value joined with ", ".
      { "webhook-signature": `${wrong}, ${SIGNATURE}` },
      { "webhook-signature": wrong, "Webhook-Signature": SIGNATURE },
    ];
    for (const headers of cases) expect(verify(withHeaders(headers))).not.toThrow();
    expect(codeOf(withHeaders({ "webhook-signature": `${wrong} ${wrong}` }))).toBe(
      "WEBHOOK_SIGNATURE_INVALID",
    );
  });

  it("says so when only unsupported signature versions are present", () => {
    const error = errorOf(verify(withHeaders({ "webhook-signature": "v1a,c29tZS1zaWc=" })));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(error.message).toContain("v1a");
  });

  it("accepts the second secret of a rotation pair", () => {
    expect(verify({ secrets: [OTHER_SECRET, SECRET] })).not.toThrow();
    expect(verify({ secrets: [SECRET, OTHER_SECRET] })).not.toThrow();
  });

  it("rejects stale and future timestamps with their codes, accepting the edges", () => {
    const at = (timestamp: number) => ({ headers: signAt(timestamp) });
    expect(codeOf(at(T - 301))).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
    expect(codeOf(at(T + 301))).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect(verify(at(T - 300))).not.toThrow();
    expect(verify(at(T + 300))).not.toThrow();
  });

  it("checks the timestamp before the signature", () => {
    const stale = withHeaders({ "webhook-timestamp": String(T - 301) });
    expect(codeOf(stale)).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
  });

  it("has a configurable tolerance, also beyond the library's fixed 5 minutes", () => {
    const headers = signAt(T - 600);
    expect(codeOf({ headers })).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
    expect(verify({ headers, toleranceSeconds: 600 })).not.toThrow();
    expect(codeOf({ headers: signAt(T - 60), toleranceSeconds: 30 })).toBe(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
    );
  });

  it("refuses tolerance 0 and unusable secrets as configuration errors", () => {
    expect(codeOf({ toleranceSeconds: 0 })).toBe("CONFIG_INVALID");
    expect(codeOf({ toleranceSeconds: 2.5 })).toBe("CONFIG_INVALID");
    expect(codeOf({ secrets: [] })).toBe("CONFIG_INVALID");
    for (const [secret, hint] of [
      [`${SECRET}\n`, "trailing whitespace"],
      [` ${SECRET}`, "leading whitespace"],
      [SECRET.slice(0, -1), "truncated"],
      ["whsec_not base64!", "padded base64"],
      ["whsec_", "padded base64"],
    ] as const) {
      const error = errorOf(verify({ secrets: [OTHER_SECRET, secret] }));
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.message).toContain("secrets[1]");
      expect(error.message).toContain(hint);
      expect(error.message).not.toContain(SECRET.slice(6, -1));
    }
  });

  it("rejects bytes that are not UTF-8 (the library would sign their lossy decoding)", () => {
    const invalid = Buffer.from([0x7b, 0xff, 0x7d]);
    const error = errorOf(verify({ rawBody: invalid, headers: signAt(T, "{\ufffd}") }));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(error.message).toContain("UTF-8");
  });

  it("uses the real clock when now is omitted, agreeing with the library's own verify", () => {
    const headers = signStandardWebhook({
      id: ID,
      timestamp: new Date(),
      rawBody: PAYLOAD,
      secret: SECRET,
    });
    expect(new Webhook(SECRET).verify(PAYLOAD, headers)).toEqual(JSON.parse(PAYLOAD));
    expect(verifyStandardWebhook({ rawBody: PAYLOAD, headers, secrets: [SECRET] }).id).toBe(ID);
  });

  describe("standardwebhooks behaviour this module guards against", () => {
    const now = Math.floor(Date.now() / 1000);
    const headers = signStandardWebhook({
      id: ID,
      timestamp: now,
      rawBody: PAYLOAD,
      secret: SECRET,
    });

    it("the library accepts a timestamp header with trailing junk; we call it malformed", () => {
      const junk = { ...headers, "webhook-timestamp": `${now}abc` };
      expect(() => new Webhook(SECRET).verify(PAYLOAD, junk)).not.toThrow();
      expect(
        errorOf(() => verifyStandardWebhook({ rawBody: PAYLOAD, headers: junk, secrets: [SECRET] }))
          .code,
      ).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    });

    it("the library signs invalid UTF-8 bytes as U+FFFD, so different bodies collide", () => {
      const webhook = new Webhook(SECRET);
      const date = new Date(now * 1000);
      expect(webhook.sign(ID, date, Buffer.from([0xff]))).toBe(
        webhook.sign(ID, date, Buffer.from([0xfe])),
      );
    });

    it("the library silently accepts a truncated secret; we refuse it", () => {
      expect(() => new Webhook(SECRET.slice(0, -1))).not.toThrow();
      expect(
        errorOf(() => verifyStandardWebhook({ ...valid, secrets: [SECRET.slice(0, -1)] })).code,
      ).toBe("CONFIG_INVALID");
    });
  });

  describe("properties", () => {
    const bodyArb = fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 });
    const maskArb = fc.integer({ min: 1, max: 255 });

    it("flipping any single byte of the body never verifies", () => {
      fc.assert(
        fc.property(bodyArb, fc.nat(), maskArb, (text, position, mask) => {
          const headers = signAt(T, text);
          const tampered = Buffer.from(text);
          const index = position % tampered.length;
          tampered[index] = (tampered[index] ?? 0) ^ mask;
          const error = errorOf(verify({ rawBody: tampered, headers }));
          expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
        }),
      );
    });

    it("flipping any single byte of the signature never verifies", () => {
      fc.assert(
        fc.property(
          bodyArb,
          fc.integer({ min: 0, max: SIGNATURE.length - 1 }),
          maskArb,
          (text, index, mask) => {
            const headers = signAt(T, text);
            const bytes = Buffer.from(headers["webhook-signature"], "latin1");
            bytes[index] = (bytes[index] ?? 0) ^ mask;
            const tampered = { ...headers, "webhook-signature": bytes.toString("latin1") };
            const error = errorOf(verify({ rawBody: text, headers: tampered }));
            expect(error.code).toMatch(/^WEBHOOK_SIGNATURE_(INVALID|MALFORMED|MISSING)$/);
          },
        ),
      );
    });
  });
});
