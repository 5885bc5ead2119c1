import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import { signPatrolWebhook } from "./patrol-webhook-signature";
import { type VerifyPatrolWebhookInput, verifyPatrolWebhook } from "./verify-patrol-webhook";

const OLD_SECRET = "patrol-old-secret-0123456789abcdef";
const NEW_SECRET = "patrol-new-secret-0123456789abcdef";
const T = 1_764_579_600;
const NOW = new Date(T * 1000);
const body = JSON.stringify({
  type: "patrol.alert",
  runId: "run-7",
  site: "https://shop.example",
  at: "2025-12-01T09:00:00.000Z",
  verdict: "warning",
  findings: [
    {
      severity: "warning",
      code: "A_CODE_FROM_A_NEWER_PATROL",
      where: "/",
      subject: "x",
      message: "m",
    },
  ],
});

const mac = (secret: string, rawBody = body, t = T) =>
  createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex");

function codeOf(input: Partial<VerifyPatrolWebhookInput>): string | undefined {
  try {
    verifyPatrolWebhook({
      rawBody: body,
      signatureHeader: `t=${T},v1=${mac(NEW_SECRET)}`,
      secret: NEW_SECRET,
      now: NOW,
      ...input,
    });
  } catch (error) {
    return isLinkpayError(error) ? error.code : String(error);
  }
  return undefined;
}

describe("signPatrolWebhook", () => {
  it("matches a known-answer vector", () => {
    const rawBody = '{"type":"patrol.alert"}';
    expect(
      signPatrolWebhook({ rawBody, secret: "patrol-test-secret-0123456789abcdef", timestamp: T }),
    ).toBe("t=1764579600,v1=700cca10a14ab46764cae655083d00517a7bcc49873edac681da819b7d2b5a5f");
  });
});

describe("verifyPatrolWebhook", () => {
  it("returns the body, unknown finding codes included, once the signature holds", () => {
    const header = `t=${T},v1=${mac(NEW_SECRET)}`;
    const verified = verifyPatrolWebhook({
      rawBody: body,
      signatureHeader: header,
      secret: NEW_SECRET,
      now: NOW,
    });
    expect(verified).toEqual(JSON.parse(body));
    const bytes = new TextEncoder().encode(body);
    expect(codeOf({ rawBody: bytes, signatureHeader: [header] })).toBeUndefined();
  });

  it("accepts any of several v1 entries and any of several secrets (rotation)", () => {
    const both = `t=${T},v1=${mac(OLD_SECRET)},v1=${mac(NEW_SECRET)}`;
    expect(codeOf({ signatureHeader: both, secret: NEW_SECRET })).toBeUndefined();
    expect(codeOf({ signatureHeader: both, secret: OLD_SECRET })).toBeUndefined();
    const onlyOld = `t=${T},v1=${mac(OLD_SECRET)}`;
    expect(codeOf({ signatureHeader: onlyOld, secret: [NEW_SECRET, OLD_SECRET] })).toBeUndefined();
    expect(codeOf({ signatureHeader: onlyOld, secret: NEW_SECRET })).toBe(
      "WEBHOOK_SIGNATURE_INVALID",
    );
  });

  it("accepts the edge of the replay window and rejects beyond it, both directions", () => {
    const at = (seconds: number) => new Date((T + seconds) * 1000);
    expect(codeOf({ now: at(300) })).toBeUndefined();
    expect(codeOf({ now: at(-300) })).toBeUndefined();
    expect(codeOf({ now: at(301) })).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
    expect(codeOf({ now: at(-301) })).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect(codeOf({ now: at(500), toleranceSeconds: 600 })).toBeUndefined();
  });

  it("checks the timestamp before the MAC, so a stale forgery reads as stale", () => {
    const forged = `t=${T - 1_000},v1=${"0".repeat(64)}`;
    expect(codeOf({ signatureHeader: forged })).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
  });

  it("rejects missing and malformed headers", () => {
    expect(codeOf({ signatureHeader: undefined })).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(codeOf({ signatureHeader: "" })).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(codeOf({ signatureHeader: [] })).toBe("WEBHOOK_SIGNATURE_MISSING");
    for (const header of [
      `v1=${mac(NEW_SECRET)}`,
      `t=${T}`,
      `t=${T},t=${T},v1=${mac(NEW_SECRET)}`,
      `t=${T}ms,v1=${mac(NEW_SECRET)}`,
      `t=${T},v1=${mac(NEW_SECRET).toUpperCase()}`,
      `t=${T},v1=abc`,
      "garbage",
    ]) {
      expect(codeOf({ signatureHeader: header })).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    }
    const other = `t=${T},v1=${mac(OLD_SECRET)}`;
    expect(codeOf({ signatureHeader: [`t=${T},v1=${mac(NEW_SECRET)}`, other] })).toBe(
      "WEBHOOK_SIGNATURE_MALFORMED",
    );
  });

  it("reports an authentic body of the wrong shape as WEBHOOK_PAYLOAD_INVALID", () => {
    for (const rawBody of ["not json", JSON.stringify({ type: "something.else" })]) {
      expect(codeOf({ rawBody, signatureHeader: `t=${T},v1=${mac(NEW_SECRET, rawBody)}` })).toBe(
        "WEBHOOK_PAYLOAD_INVALID",
      );
    }
  });
});
