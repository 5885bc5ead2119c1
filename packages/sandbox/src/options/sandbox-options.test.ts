import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import { createSandbox } from "../server/create-sandbox";
import { sessionParams, stripeClient } from "../test/start-sandbox";
import type { SandboxOptions } from "./sandbox-options";

function configError(options: SandboxOptions): string {
  try {
    createSandbox(options);
  } catch (error) {
    if (isLinkpayError(error, "CONFIG_INVALID")) return error.message;
    throw error;
  }
  throw new Error("expected CONFIG_INVALID");
}

describe("sandbox options", () => {
  it("refuses to start on a non-loopback host unless allowed", () => {
    expect(configError({ host: "0.0.0.0" })).toMatch(
      /Refusing to listen on 0\.0\.0\.0.*allowNonLoopback/,
    );
    expect(configError({ host: "192.168.1.10" })).toMatch(/Refusing to listen/);
    expect(() => createSandbox({ host: "0.0.0.0", allowNonLoopback: true })).not.toThrow();
    expect(() => createSandbox({ host: "::1" })).not.toThrow();
    expect(() => createSandbox({ host: "localhost" })).not.toThrow();
  });

  it("names the bad option without quoting secrets", () => {
    const message = configError({
      webhooks: [{ url: "http://127.0.0.1:1/hook", secret: "sk_live_oops_secret_value" }],
    });
    expect(message).toMatch(/webhooks\.0\.secret: a signing secret: whsec_/);
    expect(message).not.toContain("oops_secret_value");
    expect(configError({ apiKey: "sk_live_1234567890" })).toMatch(/apiKey: a test secret key/);
    expect(configError({ webhooks: [{ url: "ftp://x", secret: "whsec_abcdefgh" }] })).toMatch(
      /webhooks\.0\.url/,
    );
    expect(configError({ publicOrigin: "http://127.0.0.1:4242/pay" })).toMatch(
      /publicOrigin: an origin only/,
    );
    expect(configError({ port: 70_000 })).toMatch(/^Invalid sandbox options: port:/);
    expect(configError({ faults: { duplicate: 0 } })).toMatch(/faults\.duplicate/);
  });

  it("uses publicOrigin for hosted page URLs and knows its address only once listening", async () => {
    const sandbox = createSandbox({ publicOrigin: "https://pay.sandbox.test/" });
    expect(() => sandbox.origin).toThrow(/await listen\(\) first/);
    const { origin, port } = await sandbox.listen();
    try {
      expect(origin).toBe("https://pay.sandbox.test");
      expect(sandbox.port).toBe(port);
      expect(() => sandbox.listen()).toThrow(/already listening/);
      const session = await stripeClient(port).checkout.sessions.create(sessionParams());
      expect(session.url).toBe(`https://pay.sandbox.test/c/pay/${session.id}`);
    } finally {
      await sandbox.close();
      await sandbox.close();
    }
  });

  it("releases its port on close", async () => {
    const first = createSandbox();
    const { port } = await first.listen();
    await first.close();
    const second = createSandbox({ port });
    await expect(second.listen()).resolves.toMatchObject({ port });
    await second.close();
  });
});
