/**
 * @module
 * The provider kit's object parser and option checks, as an adapter uses them.
 */
import { describe, expect, it } from "@jest/globals";
import * as z from "zod";
import { isLinkpayError, LinkpayError } from "../errors";
import {
  collectOptionIssue,
  type OptionIssue,
  optionIssuesOf,
  refuseOptions,
} from "./option-issues";
import { parseProviderObject } from "./parse-provider-object";

const session = z.looseObject({ id: z.string().min(1), amount: z.number().int() });

function thrown(run: () => unknown): LinkpayError {
  try {
    run();
  } catch (error) {
    if (isLinkpayError(error)) return error;
    throw error;
  }
  throw new Error("expected a LinkpayError");
}

describe("parseProviderObject", () => {
  it("returns the parsed object, unknown fields kept", () => {
    const value = { id: "s_1", amount: 100, extra: true };
    const label = { provider: "Acme", what: "session", source: "api" } as const;
    expect(parseProviderObject(session, value, label)).toEqual(value);
  });

  it("names the paths, never the values, with the code for where the object came from", () => {
    const bad = { id: "", amount: "4242424242424242" };
    const api = thrown(() =>
      parseProviderObject(session, bad, { provider: "Acme", what: "session", source: "api" }),
    );
    expect(api.code).toBe("PROVIDER_REJECTED");
    expect(api.message).toMatch(/^The Acme session is not in the expected shape: id .*; amount /);
    expect(api.message).not.toContain("4242");
    expect(api.details).toMatchObject({ source: "api", object: "session" });
    const webhook = thrown(() =>
      parseProviderObject(session, bad, { provider: "Acme", what: "event", source: "webhook" }),
    );
    expect(webhook.code).toBe("WEBHOOK_PAYLOAD_INVALID");
  });
});

describe("option issues", () => {
  it("collects every CONFIG_INVALID as an issue, lets other errors through, and refuses once", () => {
    const issues: OptionIssue[] = [];
    const schema = z.strictObject({ timeoutMs: z.number().positive() });
    const parsed = schema.safeParse({ timeoutMs: -1, secretKey: "sk_live_secret" });
    if (!parsed.success) issues.push(...optionIssuesOf(parsed.error));
    const kept = collectOptionIssue(issues, "secretKey", () => {
      throw new LinkpayError("CONFIG_INVALID", "is not an API key");
    });
    const named = collectOptionIssue(issues, "apiBaseUrl", () => {
      throw new LinkpayError("CONFIG_INVALID", "checkoutBaseUrl must be https", {
        details: { option: "checkoutBaseUrl" },
      });
    });
    expect([kept, named]).toEqual([undefined, undefined]);
    expect(collectOptionIssue(issues, "id", () => "acme")).toBe("acme");
    expect(() =>
      collectOptionIssue(issues, "id", () => {
        throw new TypeError("a bug, not a bad option");
      }),
    ).toThrow(TypeError);
    expect(issues.map((issue) => issue.option)).toEqual([
      "timeoutMs",
      "options",
      "secretKey",
      "checkoutBaseUrl",
    ]);
    const error = refuseOptions("Acme provider options", issues);
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("secretKey: is not an API key; checkoutBaseUrl must be https");
    expect(error.message).not.toContain("sk_live_secret");
  });
});
