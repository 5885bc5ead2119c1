/**
 * @module
 * Tests for timestamped-hmac.ts.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { errorOf } from "../testing/error-capture";
import {
  defaultSignedContent,
  signTimestampedHmac,
  type VerifyTimestampedHmacInput,
  verifyTimestampedHmac,
} from "./timestamped-hmac";

const SECRET = "lp_test_secret_4f9a";
const OTHER_SECRET = "lp_test_secret_other";
const T = 1_614_265_330;
const NOW = new Date(T * 1000);
const BODY = '{"id":"evt_1","amount":1000}';
// Computed independently with Python's hmac module over b"1614265330." + BODY.
const HEX = "a0ef3fe504312d2a22dbce65994d9eaad893ecd3a3754e53ba98c3a8e619a54c";
const BASE64 = "oO8/5QQxLSoi285lmU2eqtiT7NOjdU5TupjDqOYZpUw=";

const valid: VerifyTimestampedHmacInput = {
  rawBody: BODY,
  timestamp: T,
  signatures: [HEX],
  secrets: [SECRET],
  encoding: "hex",
  now: NOW,
};
const verify = (overrides: Partial<VerifyTimestampedHmacInput>) => () =>
  verifyTimestampedHmac({ ...valid, ...overrides });
const codeOf = (overrides: Partial<VerifyTimestampedHmacInput>): string =>
  errorOf(verify(overrides)).code;

describe("signTimestampedHmac", () => {
  it("matches the independently computed vectors", () => {
    expect(
      signTimestampedHmac({ rawBody: BODY, timestamp: T, secret: SECRET, encoding: "hex" }),
    ).toBe(HEX);
    expect(
      signTimestampedHmac({ rawBody: BODY, timestamp: T, secret: SECRET, encoding: "base64" }),
    ).toBe(BASE64);
  });

  it("agrees with node:crypto over the timestamp, a dot and the body", () => {
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(expected).toBe(HEX);
    expect(defaultSignedContent(T, Buffer.from(BODY)).toString()).toBe(`${T}.${BODY}`);
  });

  it("refuses a fractional timestamp and a bad secret", () => {
    const input = { rawBody: BODY, secret: SECRET, encoding: "hex" } as const;
    expect(errorOf(() => signTimestampedHmac({ ...input, timestamp: 1.5 })).code).toBe(
      "CONFIG_INVALID",
    );
    expect(
      errorOf(() => signTimestampedHmac({ ...input, timestamp: T, secret: `${SECRET}\n` })).code,
    ).toBe("CONFIG_INVALID");
  });
});

describe("verifyTimestampedHmac", () => {
  it("accepts the raw body as a string or as bytes, in hex or base64", () => {
    expect(verify({})).not.toThrow();
    expect(verify({ rawBody: Buffer.from(BODY) })).not.toThrow();
    expect(verify({ rawBody: new TextEncoder().encode(BODY) })).not.toThrow();
    expect(verify({ encoding: "base64", signatures: [BASE64] })).not.toThrow();
  });

  it("accepts upper-case hex (the same MAC)", () => {
    expect(verify({ signatures: [HEX.toUpperCase()] })).not.toThrow();
  });

  it("rejects a re-serialized body and says to pass the raw bytes", () => {
    const spaced = '{"id": "evt_1", "amount": 1000}';
    const signature = signTimestampedHmac({
      rawBody: spaced,
      timestamp: T,
      secret: SECRET,
      encoding: "hex",
    });
    const reserialized = JSON.stringify(JSON.parse(spaced));
    expect(reserialized).not.toBe(spaced);
    expect(verify({ rawBody: spaced, signatures: [signature] })).not.toThrow();
    const error = errorOf(verify({ rawBody: reserialized, signatures: [signature] }));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(error.message).toContain("pass the raw request bytes");
  });

  it("refuses a parsed body as a developer mistake", () => {
    const parsed = JSON.parse(BODY) as string;
    const error = errorOf(verify({ rawBody: parsed }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("JSON parser ran before the webhook route");
  });

  it("diagnoses a body that was turned into [object Object]", () => {
    const error = errorOf(verify({ rawBody: String({}) }));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(error.message).toContain("[object Object]");
  });

  it("rejects one tampered byte, a wrong secret and a tampered timestamp", () => {
    expect(codeOf({ rawBody: BODY.replace("1000", "9000") })).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(codeOf({ secrets: [OTHER_SECRET] })).toBe("WEBHOOK_SIGNATURE_INVALID");
    expect(codeOf({ timestamp: T + 1 })).toBe("WEBHOOK_SIGNATURE_INVALID");
  });

  it("never puts secrets or signatures in the error", () => {
    const error = errorOf(verify({ secrets: [OTHER_SECRET] }));
    const text = `${error.message} ${JSON.stringify(error.details)}`;
    for (const secret of [SECRET, OTHER_SECRET, HEX, HEX.slice(0, 16)]) {
      expect(text).not.toContain(secret);
    }
  });

  it("reports missing and malformed signatures with their own codes", () => {
    expect(codeOf({ signatures: [] })).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(codeOf({ signatures: [""] })).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(codeOf({ signatures: ["not-hex"] })).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(codeOf({ signatures: [HEX.slice(1)] })).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(codeOf({ signatures: [`${HEX} `] })).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(codeOf({ signatures: [HEX, ""] })).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(codeOf({ encoding: "base64", signatures: [HEX] })).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(codeOf({ encoding: "base64", signatures: [BASE64.slice(0, -1)] })).toBe(
      "WEBHOOK_SIGNATURE_MALFORMED",
    );
    expect(errorOf(verify({ signatures: [`${HEX} `] })).message).toContain("whitespace");
  });

  it("accepts one valid signature among several", () => {
    const wrong = signTimestampedHmac({
      rawBody: BODY,
      timestamp: T,
      secret: OTHER_SECRET,
      encoding: "hex",
    });
    expect(verify({ signatures: [wrong, "0".repeat(64), HEX] })).not.toThrow();
    expect(verify({ signatures: [HEX, wrong] })).not.toThrow();
  });

  it("accepts the second secret of a rotation pair", () => {
    expect(verify({ secrets: [OTHER_SECRET, SECRET] })).not.toThrow();
    expect(verify({ secrets: [SECRET, OTHER_SECRET] })).not.toThrow();
  });

  it("rejects stale and future timestamps with their codes, accepting the edges", () => {
    const signAt = (timestamp: number) =>
      signTimestampedHmac({ rawBody: BODY, timestamp, secret: SECRET, encoding: "hex" });
    const at = (timestamp: number) => ({ timestamp, signatures: [signAt(timestamp)] });
    expect(codeOf(at(T - 301))).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
    expect(codeOf(at(T + 301))).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect(verify(at(T - 300))).not.toThrow();
    expect(verify(at(T + 300))).not.toThrow();
    expect(verify({ ...at(T - 301), toleranceSeconds: 301 })).not.toThrow();
  });

  it("checks the timestamp before the signature", () => {
    expect(codeOf({ timestamp: T - 301, signatures: ["0".repeat(64)] })).toBe(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
    );
  });

  it("refuses tolerance 0 and stray whitespace in secrets as configuration errors", () => {
    expect(codeOf({ toleranceSeconds: 0 })).toBe("CONFIG_INVALID");
    expect(codeOf({ toleranceSeconds: -5 })).toBe("CONFIG_INVALID");
    const error = errorOf(verify({ secrets: [`${SECRET} `] }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("trailing whitespace");
    expect(error.message).not.toContain(SECRET);
    expect(codeOf({ secrets: [] })).toBe("CONFIG_INVALID");
  });

  it("supports a provider-specific signed content", () => {
    // e.g. a scheme signing `${body}${timestamp}` with no separator.
    const signedContent = (t: number, body: Buffer) =>
      Buffer.concat([body, Buffer.from(String(t))]);
    const signature = createHmac("sha256", SECRET).update(`${BODY}${T}`).digest("base64");
    expect(verify({ signedContent, encoding: "base64", signatures: [signature] })).not.toThrow();
    expect(codeOf({ encoding: "base64", signatures: [signature] })).toBe(
      "WEBHOOK_SIGNATURE_INVALID",
    );
  });

  it("uses the real clock when now is omitted", () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signTimestampedHmac({
      rawBody: BODY,
      timestamp,
      secret: SECRET,
      encoding: "hex",
    });
    expect(() =>
      verifyTimestampedHmac({
        rawBody: BODY,
        timestamp,
        signatures: [signature],
        secrets: [SECRET],
        encoding: "hex",
      }),
    ).not.toThrow();
  });

  describe("properties", () => {
    const bodyArb = fc.uint8Array({ minLength: 1, maxLength: 200 });
    const secretArb = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() === s && !/\s/.test(s));
    const maskArb = fc.integer({ min: 1, max: 255 });

    it("a correctly signed body always verifies", () => {
      fc.assert(
        fc.property(bodyArb, secretArb, (body, secret) => {
          const signature = signTimestampedHmac({
            rawBody: body,
            timestamp: T,
            secret,
            encoding: "hex",
          });
          verifyTimestampedHmac({
            ...valid,
            rawBody: body,
            secrets: [secret],
            signatures: [signature],
          });
        }),
      );
    });

    it("flipping any single byte of the body never verifies", () => {
      fc.assert(
        fc.property(bodyArb, secretArb, fc.nat(), maskArb, (body, secret, position, mask) => {
          const signature = signTimestampedHmac({
            rawBody: body,
            timestamp: T,
            secret,
            encoding: "hex",
          });
          const tampered = Uint8Array.from(body);
          const index = position % tampered.length;
          tampered[index] = (tampered[index] ?? 0) ^ mask;
          const error = errorOf(
            verify({ rawBody: tampered, secrets: [secret], signatures: [signature] }),
          );
          expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
        }),
      );
    });

    it("flipping any single byte of the MAC never verifies (hex)", () => {
      fc.assert(
        fc.property(bodyArb, fc.integer({ min: 0, max: 31 }), maskArb, (body, index, mask) => {
          const mac = Buffer.from(
            signTimestampedHmac({ rawBody: body, timestamp: T, secret: SECRET, encoding: "hex" }),
            "hex",
          );
          mac[index] = (mac[index] ?? 0) ^ mask;
          const error = errorOf(verify({ rawBody: body, signatures: [mac.toString("hex")] }));
          expect(error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
        }),
      );
    });

    it("flipping any single character of a base64 signature never verifies", () => {
      fc.assert(
        fc.property(bodyArb, fc.integer({ min: 0, max: 43 }), maskArb, (body, index, mask) => {
          const signature = signTimestampedHmac({
            rawBody: body,
            timestamp: T,
            secret: SECRET,
            encoding: "base64",
          });
          const chars = Buffer.from(signature, "latin1");
          chars[index] = (chars[index] ?? 0) ^ mask;
          const tampered = chars.toString("latin1");
          const error = errorOf(
            verify({ rawBody: body, encoding: "base64", signatures: [tampered] }),
          );
          expect(["WEBHOOK_SIGNATURE_INVALID", "WEBHOOK_SIGNATURE_MALFORMED"]).toContain(
            error.code,
          );
        }),
      );
    });
  });
});
