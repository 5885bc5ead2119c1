/**
 * @module
 * Cross-site request forgery is stopped: a POST from another site (by Fetch Metadata, Origin or
 * Referer) or without a valid CSRF token is refused with 403 and changes nothing, while the same
 * posts from the site itself go through.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields } from "@linkpay/rental-car-http-client";
import { startTestApp, type TestApp } from "../test-support/test-app";
import {
  type BookingFixture,
  bookingCount,
  bookTargets,
  CUSTOMER,
  HTML,
  nextSearch,
  raw,
  sandboxOf,
  storedBooking,
} from "./attack-fixtures";

describe("cross-site posts", () => {
  let app: TestApp;
  let a: BookingFixture;

  beforeAll(async () => {
    app = await startTestApp();
    ({ a } = await bookTargets(app));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A CSRF cookie and its token, as a real same-site page would have given them. */
  async function cookieAndToken(path: string, action: string) {
    const page = await raw(app, "GET", path, HTML);
    const cookie = (page.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
    expect(cookie).toContain("csrf");
    return { cookie, token: formFields(page.body, action)._csrf ?? "" };
  }

  it.each([
    ["Sec-Fetch-Site: cross-site (even with a valid token and cookie)", "cross-site"],
    ["Sec-Fetch-Site: same-site", "same-site"],
    ["no Fetch Metadata, a foreign Origin (even with a valid token)", "origin"],
    ["no Fetch Metadata, Origin: null", "null-origin"],
    ["no Fetch Metadata, a foreign Referer", "referer"],
    ["no Fetch Metadata, no Origin, no token", "no-token"],
    ["no Fetch Metadata, no Origin, a forged token", "forged-token"],
  ])("refuses %s with 403 on every POST and changes nothing", async (_label, attack) => {
    const sandbox = sandboxOf(app);
    const bookingsBefore = await bookingCount(app);
    const sessionsBefore = sandbox.sessions().length;
    const search = nextSearch();
    const { cookie, token } = await cookieAndToken(
      `/book?${new URLSearchParams({ ...search, carClass: "C" })}`,
      "/book/confirm",
    );
    const headersFor = (): Record<string, string> => {
      const base = { ...HTML, "content-type": "application/x-www-form-urlencoded" };
      switch (attack) {
        case "cross-site":
          return {
            ...base,
            cookie,
            "sec-fetch-site": "cross-site",
            origin: "https://evil.example",
          };
        case "same-site":
          return { ...base, cookie, "sec-fetch-site": "same-site" };
        case "origin":
          return { ...base, cookie, origin: "https://evil.example" };
        case "null-origin":
          return { ...base, cookie, origin: "null" };
        case "referer":
          return { ...base, cookie, referer: "https://evil.example/form.html" };
        case "forged-token":
          return { ...base, cookie };
        default:
          return base;
      }
    };
    const validToken =
      attack === "no-token"
        ? undefined
        : attack === "forged-token"
          ? `${token.slice(0, -4)}AAAA`
          : token;
    const withToken = (fields: Record<string, string>) =>
      new URLSearchParams(
        validToken === undefined ? fields : { ...fields, _csrf: validToken },
      ).toString();

    const posts: [string, string][] = [
      ["/book/confirm", withToken({ ...search, carClass: "C", ...CUSTOMER })],
      ["/bookings", withToken({ draft: "A".repeat(24), accept: "yes" })],
      [`/bookings/${a.reference}/pay?t=${a.token}`, withToken({})],
      ["/my-booking", withToken({ reference: a.reference, email: a.email })],
    ];
    for (const [path, body] of posts) {
      const answer = await raw(app, "POST", path, headersFor(), body);
      expect({ path, status: answer.status, location: answer.headers.location }).toEqual({
        path,
        status: 403,
        location: undefined,
      });
      // The lookup would have answered with the booking's tokenized link.
      if (path === "/my-booking") expect(answer.body).not.toContain(a.token);
    }
    expect(await bookingCount(app)).toBe(bookingsBefore);
    expect(sandbox.sessions()).toHaveLength(sessionsBefore);
    expect((await storedBooking(app, a.reference))?.status).toBe("awaiting_payment");
  });

  it("accepts the same posts from the site itself: Fetch Metadata, own Origin, or the token alone", async () => {
    const search = nextSearch();
    const { cookie, token } = await cookieAndToken(
      `/book?${new URLSearchParams({ ...search, carClass: "C" })}`,
      "/book/confirm",
    );
    const form = "application/x-www-form-urlencoded";
    const tokenOnly = await raw(
      app,
      "POST",
      "/book/confirm",
      { "content-type": form, cookie },
      new URLSearchParams({ ...search, carClass: "C", ...CUSTOMER, _csrf: token }).toString(),
    );
    expect(tokenOnly.status).toBe(303);
    const ownOrigin = await raw(
      app,
      "POST",
      "/my-booking",
      { "content-type": form, origin: app.url },
      new URLSearchParams({ reference: a.reference, email: a.email }).toString(),
    );
    expect(ownOrigin.status).toBe(303);
    const fetchMetadata = await raw(
      app,
      "POST",
      "/my-booking",
      { "content-type": form, "sec-fetch-site": "same-origin" },
      new URLSearchParams({ reference: a.reference, email: a.email }).toString(),
    );
    expect(fetchMetadata.status).toBe(303);
  });
});
