import { describe, expect, it } from "@jest/globals";
import type { CookieRecord } from "../model/snapshot";
import { compareCookies } from "./compare-cookies";

const csrf: CookieRecord = { name: "csrf", secure: true, httpOnly: true, sameSite: "Strict" };

function weakened(before: readonly CookieRecord[], after: readonly CookieRecord[]): string[] {
  return compareCookies({ where: "/book", before, after }).map(
    (finding) => `${finding.severity} ${finding.code} ${finding.subject}`,
  );
}

describe("compareCookies", () => {
  it.each([
    ["Secure lost", { secure: false }],
    ["HttpOnly lost", { httpOnly: false }],
    ["SameSite Strict to None", { sameSite: "None" }],
    ["SameSite Strict to unset", { sameSite: "" }],
  ])("warns when %s", (_name, change) => {
    expect(weakened([csrf], [{ ...csrf, ...change }])).toEqual([
      "warning COOKIE_FLAGS_WEAKENED csrf",
    ]);
  });

  it("warns when SameSite goes from Lax to None", () => {
    const lax = { ...csrf, sameSite: "Lax" };
    expect(weakened([lax], [{ ...lax, sameSite: "None" }])).toEqual([
      "warning COOKIE_FLAGS_WEAKENED csrf",
    ]);
  });

  it("lists every lost flag in one finding", () => {
    const [finding] = compareCookies({
      where: "/book",
      before: [csrf],
      after: [{ name: "csrf", secure: false, httpOnly: false, sameSite: "None" }],
    });
    expect(finding?.message).toBe(
      "Cookie csrf lost Secure (it may be sent over http), HttpOnly (scripts can read it), SameSite=strict (now none: sent on cross-site requests).",
    );
  });

  it("ignores cookies added or removed, Strict to Lax, and case", () => {
    const other: CookieRecord = { name: "lang", secure: false, httpOnly: false, sameSite: "None" };
    expect(weakened([csrf], [csrf, other])).toEqual([]);
    expect(weakened([csrf, other], [csrf])).toEqual([]);
    expect(weakened([csrf], [{ ...csrf, sameSite: "Lax" }])).toEqual([]);
    expect(weakened([csrf], [{ ...csrf, sameSite: "strict" }])).toEqual([]);
  });

  it("judges several cookies of one name by the weakest", () => {
    expect(weakened([csrf, csrf], [csrf, { ...csrf, secure: false }])).toEqual([
      "warning COOKIE_FLAGS_WEAKENED csrf",
    ]);
  });
});
