/**
 * @module
 * `compareCookies`: cookies that lost a protective flag between two runs. Cookies added or
 * removed are not findings: sites add and drop cookies for many harmless reasons, and what a new
 * cookie could do is judged by the scripts that set or read it, which the script findings cover.
 */
import type { Finding } from "../model/findings";
import type { CookieRecord } from "../model/snapshot";
import { headerFinding } from "./header-finding";

/** Input of {@link compareCookies}. */
export interface CompareCookiesInput {
  readonly where: string;
  readonly before: readonly CookieRecord[];
  readonly after: readonly CookieRecord[];
}

/** SameSite values that keep the cookie off cross-site requests (`None` or unset do not everywhere). */
const SAME_SITE_PROTECTS = new Set(["strict", "lax"]);

/** A cookie's flags; of several cookies of one name (other paths or domains), the weakest. */
function flagsByName(cookies: readonly CookieRecord[]): Map<string, CookieRecord> {
  const byName = new Map<string, CookieRecord>();
  for (const cookie of cookies) {
    const seen = byName.get(cookie.name);
    const sameSite = cookie.sameSite.toLowerCase();
    byName.set(cookie.name, {
      name: cookie.name,
      secure: cookie.secure && (seen?.secure ?? true),
      httpOnly: cookie.httpOnly && (seen?.httpOnly ?? true),
      sameSite: seen && !SAME_SITE_PROTECTS.has(seen.sameSite) ? seen.sameSite : sameSite,
    });
  }
  return byName;
}

/**
 * Findings for cookies present in both runs that lost `Secure` or `HttpOnly`, or whose SameSite
 * went from Strict or Lax to None or unset (some browsers treat unset as None): warning
 * COOKIE_FLAGS_WEAKENED, one per cookie, subject the cookie's name. Strict to Lax is not reported:
 * Lax still keeps the cookie off cross-site posts, and the return from a PSP needs it.
 *
 * @example
 * compareCookies({ where: "/book", before: last.cookies, after: now.cookies });
 */
export function compareCookies(input: CompareCookiesInput): Finding[] {
  const before = flagsByName(input.before);
  const findings: Finding[] = [];
  for (const [name, now] of [...flagsByName(input.after)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const was = before.get(name);
    if (was === undefined) continue;
    const lost = [
      ...(was.secure && !now.secure ? ["Secure (it may be sent over http)"] : []),
      ...(was.httpOnly && !now.httpOnly ? ["HttpOnly (scripts can read it)"] : []),
      ...(SAME_SITE_PROTECTS.has(was.sameSite) && !SAME_SITE_PROTECTS.has(now.sameSite)
        ? [`SameSite=${was.sameSite} (now ${now.sameSite || "unset"}: sent on cross-site requests)`]
        : []),
    ];
    if (lost.length === 0) continue;
    findings.push(
      headerFinding({
        severity: "warning",
        code: "COOKIE_FLAGS_WEAKENED",
        where: input.where,
        subject: name,
        message: `Cookie ${name} lost ${lost.join(", ")}.`,
        before: was,
        after: now,
      }),
    );
  }
  return findings;
}
