import { describe, expect, it } from "@jest/globals";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { browserIdOf, csrfProtection } from ".";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

function appWith(secureCookie: boolean) {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const csrf = csrfProtection({ token: { secret: SECRET, secureCookie } });
  app.use(csrf);
  app.get("/form", (req, res) => {
    res.json({ token: csrf.generateToken(req, res), browser: browserIdOf(req) });
  });
  app.get("/browser", (req, res) => {
    res.json({ first: browserIdOf(req), second: browserIdOf(req) });
  });
  app.post("/bookings", (_req, res) => {
    res.send("booked");
  });
  app.use(errorHandler());
  return app;
}

function setCookies(response: request.Response): string[] {
  const header: unknown = response.headers["set-cookie"];
  return Array.isArray(header) ? header.map(String) : header === undefined ? [] : [String(header)];
}

/** `name=value; name=value` for a Cookie header, from every Set-Cookie of `response`. */
function cookiesOf(response: request.Response): string {
  return setCookies(response)
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** A token-only client: no Fetch Metadata, Origin or Referer, so only the token can pass it. */
const postWithToken = (app: express.Express, cookies: string, token: string) =>
  request(app)
    .post("/bookings")
    .set("Accept", "application/json")
    .set("Cookie", cookies)
    .type("form")
    .send(`_csrf=${encodeURIComponent(token)}`);

describe("browserIdOf and the token bound to it", () => {
  it("refuses a token minted for browser A when sent with browser B's cookies", async () => {
    const app = appWith(false);
    const a = await request(app).get("/form");
    const b = await request(app).get("/form");
    expect(a.body.browser).not.toBe(b.body.browser);
    const refused = await postWithToken(app, cookiesOf(b), a.body.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("CROSS_SITE_REQUEST_REFUSED");
    expect((await postWithToken(app, cookiesOf(a), a.body.token)).status).toBe(200);
    expect((await postWithToken(app, cookiesOf(b), b.body.token)).status).toBe(200);
  });

  it("refuses A's token with A's CSRF cookie but another browser id", async () => {
    const app = appWith(false);
    const a = await request(app).get("/form");
    const b = await request(app).get("/form");
    const csrfOfA = cookiesOf(a)
      .split("; ")
      .filter((cookie) => cookie.startsWith("linkpay.csrf="));
    const browserOfB = cookiesOf(b)
      .split("; ")
      .filter((cookie) => cookie.startsWith("linkpay.browser="));
    const mixed = [...csrfOfA, ...browserOfB].join("; ");
    expect((await postWithToken(app, mixed, a.body.token)).status).toBe(403);
  });

  it("issues 256 random bits in an HttpOnly, SameSite=Lax, __Host- and Secure cookie", async () => {
    const response = await request(appWith(true)).get("/browser");
    const cookie = setCookies(response).find((line) => line.startsWith("__Host-linkpay.browser="));
    expect(cookie).toMatch(
      /^__Host-linkpay\.browser=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(response.body.first).toBe(response.body.second);
    expect(setCookies(response)).toHaveLength(1);
  });

  it("keeps the id a browser presents and replaces one it did not issue", async () => {
    const app = appWith(false);
    const first = await request(app).get("/browser");
    const again = await request(app).get("/browser").set("Cookie", cookiesOf(first));
    expect(again.body.first).toBe(first.body.first);
    expect(setCookies(again)).toEqual([]);
    const forged = await request(app).get("/browser").set("Cookie", "linkpay.browser=chosen");
    expect(forged.body.first).not.toBe("chosen");
    expect(forged.body.first).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("marks every page that carries a token no-store", async () => {
    const response = await request(appWith(false)).get("/form");
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});
