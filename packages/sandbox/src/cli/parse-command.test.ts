import { describe, expect, it } from "@jest/globals";
import { parseCommand } from "./parse-command";
import { UsageError } from "./usage";

const parse = (...argv: string[]) => parseCommand(argv, {});

describe("parseCommand", () => {
  it("starts a sandbox on 127.0.0.1:4242 by default, pairing webhook URLs and secrets", () => {
    expect(
      parse(
        "--webhook-url",
        "http://127.0.0.1:3000/a",
        "--webhook-secret",
        "whsec_aaaaaaaa",
        "--webhook-url",
        "http://127.0.0.1:3000/b",
        "--webhook-secret",
        "whsec_bbbbbbbb",
      ),
    ).toMatchObject({
      kind: "serve",
      port: 4242,
      host: "127.0.0.1",
      allowNonLoopback: false,
      webhooks: [
        { url: "http://127.0.0.1:3000/a", secret: "whsec_aaaaaaaa" },
        { url: "http://127.0.0.1:3000/b", secret: "whsec_bbbbbbbb" },
      ],
    });
    expect(
      parseCommand(["--webhook-url", "http://x/y"], {
        LINKPAY_SANDBOX_WEBHOOK_SECRET: "whsec_fromenv1",
      }),
    ).toMatchObject({
      webhooks: [{ secret: "whsec_fromenv1" }],
    });
  });

  it("pairs KOMOJU webhook URLs with their secrets and takes the KOMOJU key", () => {
    expect(
      parse(
        "--komoju-webhook-url",
        "http://127.0.0.1:3000/webhooks/komoju",
        "--komoju-webhook-secret",
        "komoju-token-1",
        "--komoju-secret-key",
        "sk_test_komoju_cli",
      ),
    ).toMatchObject({
      kind: "serve",
      webhooks: [],
      komoju: {
        secretKey: "sk_test_komoju_cli",
        webhooks: [{ url: "http://127.0.0.1:3000/webhooks/komoju", secret: "komoju-token-1" }],
      },
    });
    expect(
      parseCommand(["--komoju-webhook-url", "http://x/k"], {
        LINKPAY_SANDBOX_KOMOJU_WEBHOOK_SECRET: "komoju-from-env",
        LINKPAY_SANDBOX_KOMOJU_SECRET_KEY: "sk_test_from_env",
      }),
    ).toMatchObject({
      komoju: { secretKey: "sk_test_from_env", webhooks: [{ secret: "komoju-from-env" }] },
    });
    expect(() => parse("--komoju-webhook-url", "http://x/k")).toThrow(
      /one --komoju-webhook-secret for each --komoju-webhook-url/,
    );
  });

  it("builds KOMOJU operator requests", () => {
    expect(parse("komoju", "konbini", "expired", "s1", "--url", "http://127.0.0.1:5000")).toEqual({
      kind: "remote",
      method: "POST",
      path: "/_sandbox/komoju/sessions/s1/konbini-expired",
      body: {},
      url: "http://127.0.0.1:5000",
      apiKey: "sk_test_linkpay_sandbox_cli",
    });
    expect(parse("komoju", "sessions")).toMatchObject({
      method: "GET",
      path: "/_sandbox/komoju/sessions",
    });
    expect(parse("komoju", "expire", "s2")).toMatchObject({
      path: "/_sandbox/komoju/sessions/s2/expire",
    });
    expect(parse("komoju", "ping")).toMatchObject({ path: "/_sandbox/komoju/ping" });
    expect(() => parse("komoju", "refund")).toThrow(UsageError);
  });

  it("builds operator requests", () => {
    expect(
      parse(
        "konbini",
        "paid",
        "cs_test_1",
        "--url",
        "http://127.0.0.1:5000/",
        "--api-key",
        "sk_test_k1",
      ),
    ).toEqual({
      kind: "remote",
      method: "POST",
      path: "/_sandbox/sessions/cs_test_1/konbini/paid",
      body: {},
      url: "http://127.0.0.1:5000",
      apiKey: "sk_test_k1",
    });
    expect(parse("deliveries", "--session", "cs_test_1")).toMatchObject({
      method: "GET",
      path: "/_sandbox/deliveries?session_id=cs_test_1",
      url: "http://127.0.0.1:4242",
    });
    expect(parse("faults", "--json", '{"drop":true}')).toMatchObject({
      method: "POST",
      path: "/_sandbox/faults",
      body: { drop: true },
    });
    expect(parse("faults")).toMatchObject({ method: "GET" });
    expect(parse("resend", "dlv_1")).toMatchObject({ path: "/_sandbox/deliveries/dlv_1/resend" });
    expect(parseCommand(["sessions"], { LINKPAY_SANDBOX_API_KEY: "sk_test_env" })).toMatchObject({
      apiKey: "sk_test_env",
    });
  });

  it.each([
    [["--port", "abc"], /--port must be a whole number/],
    [["--webhook-url", "http://x/y"], /one --webhook-secret for each --webhook-url/],
    [["konbini", "cs_test_1"], /"paid" or "expired"/],
    [["konbini", "paid"], /missing <session_id>/],
    [["resend"], /missing <delivery_id>/],
    [["faults", "--json", "{nope"], /--json must be JSON/],
    [["--faults", '{"duplicate":0}'], /--faults:/],
    [["teleport"], /unknown command "teleport"/],
    [["--bogus"], /Unknown option/],
  ])("refuses %j", (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });

  it("recognises help", () => {
    expect(parse("--help")).toEqual({ kind: "help" });
    expect(parse("help")).toEqual({ kind: "help" });
  });
});
