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
