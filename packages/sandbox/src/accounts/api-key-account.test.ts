/**
 * @module
 * Tests for deriving the account from an API key.
 */
import { describe, expect, it } from "@jest/globals";
import { callerOfKey, keysOfAccount } from "./api-key-account";

describe("callerOfKey", () => {
  it("gives a secret key and its restricted twin one account, and only the twin read-only", () => {
    const secret = callerOfKey("sk_test_merchantA_1234");
    const restricted = callerOfKey("rk_test_merchantA_1234");
    expect(secret?.account).toMatch(/^acct_[0-9a-f]{16}$/);
    expect(restricted?.account).toBe(secret?.account);
    expect([secret?.restricted, restricted?.restricted]).toEqual([false, true]);
    expect(callerOfKey("sk_test_merchantB_1234")?.account).not.toBe(secret?.account);
  });

  it("never puts the key in the account id", () => {
    expect(callerOfKey("sk_test_merchantA_1234")?.account).not.toContain("merchantA");
  });

  it.each([
    "sk_live_abcd",
    "rk_live_abcd",
    "pk_test_abcd",
    "sk_test_",
    "sk_test_a b",
    "whsec_abcd",
  ])("is not a test API key: %s", (key) => {
    expect(callerOfKey(key)).toBeUndefined();
  });

  it("lists a secret key's account keys: itself and its rk_ twin", () => {
    expect(keysOfAccount("sk_test_only")).toEqual(["sk_test_only", "rk_test_only"]);
  });
});
