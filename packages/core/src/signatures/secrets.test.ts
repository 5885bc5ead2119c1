/**
 * @module
 * Tests for secrets.ts.
 */
import { describe, expect, it } from "@jest/globals";
import { errorOf } from "../testing/error-capture";
import { assertUsableSecrets } from "./secrets";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("assertUsableSecrets", () => {
  it("returns a single secret as a list", () => {
    expect(assertUsableSecrets(SECRET, "ACME_SECRET")).toEqual([SECRET]);
  });

  it("returns a rotation list unchanged", () => {
    expect(assertUsableSecrets(["old-secret", SECRET], "ACME_SECRET")).toEqual([
      "old-secret",
      SECRET,
    ]);
  });

  it("refuses an empty list", () => {
    const error = errorOf(() => assertUsableSecrets([], "ACME_SECRET"));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("ACME_SECRET");
  });

  it.each([
    ["empty", "", "empty"],
    ["only whitespace", "   ", "whitespace"],
    ["leading space", ` ${SECRET}`, "leading whitespace"],
    ["trailing newline", `${SECRET}\n`, "trailing whitespace"],
    ["trailing CRLF", `${SECRET}\r\n`, "trailing whitespace"],
    ["inner newline", `${SECRET}\n${SECRET}`, "line break"],
    ["inner tab", `${SECRET}\t${SECRET}`, "control character"],
  ])("refuses a secret with %s, naming the label but not the secret", (_, secret, problem) => {
    for (const [input, name] of [
      [secret, "ACME_SECRET"],
      [[SECRET, secret], "ACME_SECRET[1]"],
    ] as const) {
      const error = errorOf(() => assertUsableSecrets(input, "ACME_SECRET"));
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.message).toContain(name);
      expect(error.message).toContain(problem);
      if (secret.trim() !== "") expect(error.message).not.toContain(secret.trim());
      expect(JSON.stringify(error.details)).not.toContain("MfKQ");
    }
  });

  it("points at an unset environment variable", () => {
    const unset = process.env.LINKPAY_SURELY_UNSET_VARIABLE as string;
    const error = errorOf(() => assertUsableSecrets([SECRET, unset], "ACME_SECRET"));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("ACME_SECRET[1]");
    expect(error.message).toContain("environment variable");
    expect(errorOf(() => assertUsableSecrets(unset, "ACME_SECRET")).code).toBe("CONFIG_INVALID");
  });
});
