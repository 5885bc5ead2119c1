import { describe, expect, it } from "@jest/globals";
import { configRefusal } from "../test/config-refusal";
import { createSink, type SinkSpec } from "./create-sink";

const SECRET = "patrol-webhook-secret-0123456789abcdef";

/** The refusal of `spec`, or undefined when a sink is built. */
function refusal(spec: SinkSpec): string | undefined {
  const message = configRefusal(() => createSink(spec));
  return message === "accepted" ? undefined : message;
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
