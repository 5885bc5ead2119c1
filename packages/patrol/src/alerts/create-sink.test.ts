import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import { createSink, type SinkSpec } from "./create-sink";

const SECRET = "patrol-webhook-secret-0123456789abcdef";

function refusal(spec: SinkSpec): string | undefined {
  try {
    createSink(spec);
  } catch (error) {
    return isLinkpayError(error, "CONFIG_INVALID") ? error.message : String(error);
  }
  return undefined;
}

describe("createSink", () => {
  it("builds each kind of sink, named without credentials", () => {
    expect(createSink({ type: "log" }).name).toBe("log");
    expect(
      createSink({ type: "webhook", url: "https://ops.example/hooks/t0ken", secret: SECRET }).name,
    ).toBe("webhook https://ops.example");
    const email = createSink({
      type: "email",
      url: "smtp://patrol:pa55word@mail.example:587",
      from: "patrol@shop.example",
      to: ["ops@shop.example"],
    });
    expect(email.name).toBe("email smtp://mail.example:587");
  });

  it("passes option errors through and refuses unknown types", () => {
    expect(refusal({ type: "webhook", url: "https://ops.example/", secret: "" })).toMatch(
      /webhook sink option "secret"/,
    );
    const unknown: SinkSpec = JSON.parse('{ "type": "pager" }');
    expect(refusal(unknown)).toBe(
      'Unknown alert sink type "pager": use "log", "webhook" or "email"',
    );
  });
});
