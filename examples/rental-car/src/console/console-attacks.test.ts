/**
 * @module
 * The staff console attacked over HTTP, on SQLite and on PostgreSQL: no default account, password
 * guessing until lock-out, TOTP replay, session fixation, CSRF on every POST, a staff member
 * reaching manager actions by URL, script in shopper-entered names, every route without a
 * session, time-outs and revocation, the address allow-list, and the audit log's append-only
 * guard against the app's own database connection. Then the manager's money actions: a refund
 * and a cancellation, each only after re-authentication, each once.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { describePostgres } from "@linkpay/store-sql/testing";
import { tokyoDate } from "../pricing/rental-period";
import {
  consoleClient,
  enrolStaff,
  paidBooking,
  type StaffAccount,
  signIn,
  type TestClock,
  testClock,
  totpCode,
} from "../test-support/console-staff";
import { pollUntil } from "../test-support/poll-until";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { SESSION_COOKIE } from "./console-sessions";

// Each test signs in (argon2id, by design slow) and pays through the sandbox: more than jest's 5 s
// default on a loaded 2-core machine.
jest.setTimeout(30_000);

const DAY = 86_400_000;
const daysAhead = (clock: TestClock, days: number) =>
  tokyoDate(new Date(clock.now().getTime() + days * DAY));

function consoleSuite(databaseUrl: () => string | undefined) {
  let app: TestApp;
  let clock: TestClock;
  let manager: { account: StaffAccount; client: HttpShopper };
  let staff: { account: StaffAccount; client: HttpShopper };

  beforeAll(async () => {
    clock = testClock();
    app = await startTestApp({ databaseUrl: databaseUrl(), now: () => clock.now() });
    expect(await app.db.selectFrom("rc_staff").selectAll().execute()).toEqual([]);
    manager = await enrolStaff(app, clock, {
      email: "mika@example.com",
      name: "Mika Sato",
      role: "manager",
    });
    staff = await enrolStaff(app, clock, {
      email: "ken@example.com",
      name: "Ken Ito",
      role: "staff",
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const audit = (action: string) =>
    app.db.selectFrom("rc_staff_audit").selectAll().where("action", "=", action).execute();

  it("has no default account: usual guesses are refused like any wrong password", async () => {
    for (const [email, password] of [
      ["admin@example.com", "admin"],
      ["admin", "password"],
      ["root@localhost", "changeme-changeme"],
    ] as const) {
      const client = consoleClient(app);
      const form = await client.get("/sign-in");
      const answer = await client.post("/sign-in", {
        ...formFields(form.html, "/sign-in"),
        email,
        password,
      });
      expect(answer.status).toBe(401);
    }
  });

  it("refuses every route without a session: pages go to sign-in, actions get 401", async () => {
    const anonymous = consoleClient(app);
    for (const path of [
      "/",
      "/staff",
      "/audit",
      "/bookings/RC-23456789",
      "/assets/console.css",
      "/anything",
      "/enrol",
    ]) {
      const answer = await anonymous.get(path);
      if (path === "/enrol") {
        expect(answer.status).toBe(404);
      } else {
        expect({ path, status: answer.status, location: answer.location }).toEqual({
          path,
          status: 303,
          location: `${app.consoleUrl}/sign-in`,
        });
      }
      expect(answer.html).not.toContain("RC-");
    }
    for (const path of [
      "/bookings/RC-23456789/refund",
      "/bookings/RC-23456789/cancel",
      "/staff",
      "/staff/x/disable",
    ]) {
      expect((await anonymous.post(path, {})).status).toBe(401);
    }
  });

  it("locks an account after 6 wrong passwords, even against the right one, until the window ends", async () => {
    const victim = await enrolStaff(app, clock, {
      email: "yui@example.com",
      name: "Yui Mori",
      role: "staff",
    });
    const attacker = consoleClient(app);
    for (let attempt = 1; attempt <= 6; attempt++) {
      const form = await attacker.get("/sign-in");
      const answer = await attacker.post("/sign-in", {
        ...formFields(form.html, "/sign-in"),
        email: "yui@example.com",
        password: `guess number ${attempt} of many`,
      });
      expect(answer.status).toBe(401);
    }
    const locked = await signIn(app, clock, victim.account);
    expect(locked.password.status).toBe(429);
    expect(locked.password.html).toContain("停止しています");
    expect((await audit("sign_in_locked")).map((row) => row.staff_email)).toContain(
      "yui@example.com",
    );
    clock.advance(15 * 60_000);
    const later = await signIn(app, clock, victim.account);
    expect(later.code.status).toBe(303);
    expect(later.code.location).toBe(`${app.consoleUrl}/`);
  });

  it("accepts a TOTP code once: the same code replayed in its step is refused", async () => {
    const client = consoleClient(app);
    const form = await client.get("/sign-in");
    await client.post("/sign-in", {
      ...formFields(form.html, "/sign-in"),
      ...credentials(manager.account),
    });
    const code = await totpCode(manager.account.secret, clock);
    clock.advance(-30_000);
    const codeForm = await client.get("/sign-in/code");
    expect(
      (await client.post("/sign-in/code", { ...formFields(codeForm.html, "/sign-in/code"), code }))
        .status,
    ).toBe(303);

    const replayer = consoleClient(app);
    const again = await replayer.get("/sign-in");
    await replayer.post("/sign-in", {
      ...formFields(again.html, "/sign-in"),
      ...credentials(manager.account),
    });
    const replayForm = await replayer.get("/sign-in/code");
    const replay = await replayer.post("/sign-in/code", {
      ...formFields(replayForm.html, "/sign-in/code"),
      code,
    });
    expect(replay.status).toBe(401);
    expect((await replayer.get("/")).status).toBe(303);
    clock.advance(30_000);
  });

  it("gives a new session at sign-in: a cookie from before (planted or pending) is worth nothing after", async () => {
    const client = consoleClient(app);
    const planted = "attacker-chosen-value-0123456789";
    const form = await client.get("/sign-in", { cookie: `${SESSION_COOKIE}=${planted}` });
    const afterPassword = await client.post(
      "/sign-in",
      { ...formFields(form.html, "/sign-in"), ...credentials(manager.account) },
      { cookie: `${SESSION_COOKIE}=${planted}` },
    );
    const pending = cookieOf(afterPassword.headers);
    expect(pending).toBeDefined();
    expect(pending).not.toBe(planted);
    const codeForm = await client.get("/sign-in/code");
    const signedIn = await client.post("/sign-in/code", {
      ...formFields(codeForm.html, "/sign-in/code"),
      code: await totpCode(manager.account.secret, clock),
    });
    const final = cookieOf(signedIn.headers);
    expect(final).toBeDefined();
    expect(final).not.toBe(pending);
    expect((await client.get("/")).status).toBe(200);
    for (const old of [planted, pending]) {
      const answer = await new HttpShopper(app.consoleUrl).get("/", {
        cookie: `${SESSION_COOKIE}=${old}`,
      });
      expect(answer.status).toBe(303);
    }
  });

  it("sets the session cookie __Host-, Secure, HttpOnly, SameSite=Strict, Path=/", async () => {
    const client = consoleClient(app);
    const form = await client.get("/sign-in");
    const answer = await client.post("/sign-in", {
      ...formFields(form.html, "/sign-in"),
      ...credentials(staff.account),
    });
    const line =
      answer.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`)) ?? "";
    expect(line).toMatch(/; Path=\/(;|$)/);
    expect(line).toContain("; HttpOnly");
    expect(line).toContain("; Secure");
    expect(line).toContain("; SameSite=Strict");
    expect(line).not.toContain("Domain=");
  });

  it("refuses every console POST from another origin (the shop included) or without a token", async () => {
    const reference = await paidBooking(app, {
      name: "Csrf Target",
      pickUpDate: daysAhead(clock, 20),
      returnDate: daysAhead(clock, 22),
    });
    const signed = await signIn(app, clock, manager.account);
    const detail = await signed.client.get(`/bookings/${reference}`);
    const fields = formFields(detail.html, `/bookings/${reference}/refund`);
    const posts: [string, Record<string, string>][] = [
      ["/sign-in", credentials(manager.account)],
      ["/sign-in/code", { code: "000000" }],
      ["/sign-out", {}],
      ["/enrol", {}],
      [`/bookings/${reference}/resend`, {}],
      [`/bookings/${reference}/refund`, { key: fields.key ?? "", amount: "1000", reason: "csrf" }],
      [`/bookings/${reference}/cancel`, {}],
      ["/staff", { email: "evil@example.com", name: "Evil", role: "manager" }],
      [`/staff/${(await staffId(app, "ken@example.com")) ?? ""}/disable`, {}],
    ];
    for (const [path, body] of posts) {
      const crossSite = await signed.client.post(path, body, {
        "sec-fetch-site": "same-site",
        origin: app.url,
      });
      expect({ path, status: crossSite.status }).toEqual({ path, status: 403 });
      const noToken = await signed.client.post(path, body, { "sec-fetch-site": "", origin: "" });
      expect({ path, status: noToken.status }).toEqual({ path, status: 403 });
    }
    expect(
      await app.db
        .selectFrom("rc_staff")
        .select("email")
        .where("email", "=", "evil@example.com")
        .execute(),
    ).toEqual([]);
    expect((await app.payments.history({ orderRef: reference })).refunds).toEqual([]);
    expect(
      (
        await app.db
          .selectFrom("rc_bookings")
          .select("status")
          .where("reference", "=", reference)
          .executeTakeFirst()
      )?.status,
    ).toBe("confirmed");
    expect((await signed.client.get("/")).status).toBe(200);
  });

  it("refuses manager actions to a staff member reached by URL, and logs the attempt", async () => {
    const reference = await paidBooking(app, {
      name: "Role Target",
      pickUpDate: daysAhead(clock, 20),
      returnDate: daysAhead(clock, 21),
    });
    const { client } = await signIn(app, clock, staff.account);
    const detail = await client.get(`/bookings/${reference}`);
    expect(detail.status).toBe(200);
    expect(detail.html).not.toContain(`/bookings/${reference}/refund`);
    expect(detail.html).not.toContain(`/bookings/${reference}/cancel`);
    const token = formFields(detail.html, `/bookings/${reference}/resend`);
    for (const path of [
      `/bookings/${reference}/refund`,
      `/bookings/${reference}/cancel`,
      "/staff",
    ]) {
      const answer = await client.post(path, {
        ...token,
        key: "console-refund-00000000-0000-4000-8000-000000000000",
        amount: "1000",
        reason: "mine",
        name: "X",
        role: "manager",
        ...credentials(staff.account),
        code: await totpCode(staff.account.secret, clock),
      });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
    }
    for (const path of ["/staff", "/audit"]) expect((await client.get(path)).status).toBe(403);
    expect((await app.payments.history({ orderRef: reference })).refunds).toEqual([]);
    const refused = await app.db
      .selectFrom("rc_staff_audit")
      .selectAll()
      .where("staff_email", "=", "ken@example.com")
      .where("outcome", "=", "refused")
      .execute();
    expect(refused.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        `POST /bookings/${reference}/refund`,
        `POST /bookings/${reference}/cancel`,
        "POST /staff",
        "GET /audit",
      ]),
    );
  });

  it("renders script in shopper-entered names as text on console pages, under a CSP without inline script", async () => {
    const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const reference = await paidBooking(app, {
      name: payload,
      pickUpDate: daysAhead(clock, 30),
      returnDate: daysAhead(clock, 31),
    });
    const { client } = await signIn(app, clock, staff.account);
    for (const path of [`/?q=${encodeURIComponent("<script>")}`, `/bookings/${reference}`]) {
      const page = await client.get(path);
      expect(page.status).toBe(200);
      // preact escapes `<` and `&` in text: no tag can start.
      expect(page.html).toContain("&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)>");
      expect(page.html).not.toContain("<script>");
      expect(page.html).not.toContain("<img src=x");
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it("ends a session after 30 idle minutes, after 8 hours whatever the activity, and when revoked", async () => {
    const idle = await signIn(app, clock, staff.account);
    clock.advance(29 * 60_000);
    expect((await idle.client.get("/")).status).toBe(200);
    clock.advance(30 * 60_000 + 1);
    expect((await idle.client.get("/")).status).toBe(303);

    const busy = await signIn(app, clock, staff.account);
    for (let hour = 0; hour < 8 * 3; hour++) {
      expect((await busy.client.get("/")).status).toBe(200);
      clock.advance(20 * 60_000);
    }
    expect((await busy.client.get("/")).status).toBe(303);

    const revoked = await signIn(app, clock, staff.account);
    const managerSession = await signIn(app, clock, manager.account);
    const list = await managerSession.client.get("/staff");
    const id = (await staffId(app, "ken@example.com")) ?? "";
    const ended = await managerSession.client.post(
      `/staff/${id}/end-sessions`,
      formFields(list.html, `/staff/${id}/end-sessions`),
    );
    expect(ended.status).toBe(200);
    expect((await revoked.client.get("/")).status).toBe(303);
  });

  it("disables an account at once (its sessions end, its password no longer signs in) and resets a lost authenticator", async () => {
    const victim = await enrolStaff(app, clock, {
      email: "rin@example.com",
      name: "Rin Kato",
      role: "staff",
    });
    const id = (await staffId(app, "rin@example.com")) ?? "";
    const boss = await signIn(app, clock, manager.account);
    const staffPage = async () => boss.client.get("/staff");
    const disabled = await boss.client.post(
      `/staff/${id}/disable`,
      formFields((await staffPage()).html, `/staff/${id}/disable`),
    );
    expect(disabled.status).toBe(200);
    expect((await victim.client.get("/")).status).toBe(303);
    expect((await signIn(app, clock, victim.account)).password.status).toBe(401);

    const enabled = await boss.client.post(
      `/staff/${id}/enable`,
      formFields((await staffPage()).html, `/staff/${id}/enable`),
    );
    expect(enabled.status).toBe(200);
    const again = await signIn(app, clock, victim.account);
    expect(again.code.status).toBe(303);

    const reset = await boss.client.post(
      `/staff/${id}/reset`,
      formFields((await staffPage()).html, `/staff/${id}/reset`),
    );
    expect(reset.status).toBe(200);
    const link = /id="enrolment-link">([^<]+)</.exec(reset.html)?.[1] ?? "";
    expect(link).toMatch(new RegExp(`^${app.consoleUrl}/enrol/[\\w-]{43}$`));
    expect((await again.client.get("/")).status).toBe(303);
    expect((await signIn(app, clock, victim.account)).password.status).toBe(401);
    const fresh = consoleClient(app);
    expect((await fresh.get(new URL(link).pathname)).status).toBe(303);
    expect((await fresh.get("/enrol")).html).toContain('id="totp-secret"');
    expect((await consoleClient(app).get(new URL(link).pathname)).status).toBe(404);
    const actions = (
      await app.db
        .selectFrom("rc_staff_audit")
        .selectAll()
        .where("target", "=", "rin@example.com")
        .execute()
    ).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(["staff_disable", "staff_enable", "staff_reset"]),
    );
  }, 30_000);

  it("keeps the audit log append-only, even for the app's own database connection", async () => {
    const before = await app.db.selectFrom("rc_staff_audit").selectAll().orderBy("id").execute();
    expect(before.length).toBeGreaterThan(5);
    // Each outcome as text, so a failure shows what the database did instead of refusing.
    const outcome = (query: { execute(): Promise<unknown> }) =>
      query.execute().then(
        (result) =>
          `succeeded: ${JSON.stringify(result, (_key, value) => (typeof value === "bigint" ? String(value) : value))}`,
        (error: unknown) => String(error),
      );
    expect({
      update: await outcome(app.db.updateTable("rc_staff_audit").set({ action: "nothing" })),
      delete: await outcome(app.db.deleteFrom("rc_staff_audit")),
    }).toEqual({
      update: expect.stringContaining("append-only"),
      delete: expect.stringContaining("append-only"),
    });
    expect(await app.db.selectFrom("rc_staff_audit").selectAll().orderBy("id").execute()).toEqual(
      before,
    );
  });

  it("refunds part of a payment for a manager who re-authenticates, once per form, with an audit row", async () => {
    const reference = await paidBooking(app, {
      name: "Refund Target",
      pickUpDate: daysAhead(clock, 20),
      returnDate: daysAhead(clock, 22),
    });
    const { client } = await signIn(app, clock, manager.account);
    const detail = await client.get(`/bookings/${reference}`);
    const form = formFields(detail.html, `/bookings/${reference}/refund`);
    const wrong = await client.post(`/bookings/${reference}/refund`, {
      ...form,
      amount: "2,000",
      reason: "scratched bumper",
      password: manager.account.password,
      code: "123456",
    });
    expect(wrong.status).toBe(401);
    expect((await app.payments.history({ orderRef: reference })).refunds).toEqual([]);

    const fields = {
      ...form,
      amount: "2,000",
      reason: "scratched bumper",
      password: manager.account.password,
    };
    const done = await client.post(`/bookings/${reference}/refund`, {
      ...fields,
      code: await totpCode(manager.account.secret, clock),
    });
    expect(done.status).toBe(200);
    const twice = await client.post(`/bookings/${reference}/refund`, {
      ...fields,
      code: await totpCode(manager.account.secret, clock),
    });
    expect(twice.status).toBe(200);
    const refunds = await pollUntil("the refund webhook", async () => {
      const { refunds } = await app.payments.history({ orderRef: reference });
      return refunds.every((refund) => refund.status === "succeeded")
        ? { done: true, value: refunds }
        : { done: false, seen: refunds.map((refund) => refund.status).join() };
    });
    expect(refunds.map((refund) => [refund.amount.amount, refund.actor])).toEqual([
      [2_000, "staff:mika@example.com"],
    ]);
    expect((await app.payments.getStatus({ orderRef: reference }))?.status).toBe(
      "partially_refunded",
    );
    const rows = (await audit("refund")).filter((row) => row.target === reference);
    expect(rows.map((row) => [row.staff_email, row.outcome])).toEqual([
      ["mika@example.com", "ok"],
      ["mika@example.com", "ok"],
    ]);
    expect(JSON.parse(rows[0]?.after_json ?? "{}")).toMatchObject({
      amount: 2_000,
      reason: "scratched bumper",
    });
    expect((await audit("reauth_for_refund")).length).toBeGreaterThan(0);
  });

  it("cancels a booking for a manager under the policy: car released, the rest refunded, once", async () => {
    const reference = await paidBooking(app, {
      name: "Cancel Target",
      pickUpDate: daysAhead(clock, 4),
      returnDate: daysAhead(clock, 5),
    });
    const booking = await app.db
      .selectFrom("rc_bookings")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    const { client } = await signIn(app, clock, manager.account);
    const detail = await client.get(`/bookings/${reference}`);
    const form = formFields(detail.html, `/bookings/${reference}/cancel`);
    const fields = { ...form, password: manager.account.password };
    const cancelled = await client.post(`/bookings/${reference}/cancel`, {
      ...fields,
      code: await totpCode(manager.account.secret, clock),
    });
    expect(cancelled.status).toBe(200);
    const again = await client.post(`/bookings/${reference}/cancel`, {
      ...fields,
      code: await totpCode(manager.account.secret, clock),
    });
    expect(again.status).toBe(200);
    const fee = Math.floor((booking.total * 20) / 100);
    const refunds = await pollUntil("the cancellation refund", async () => {
      const { refunds } = await app.payments.history({ orderRef: reference });
      return refunds.length === 1 && refunds[0]?.status === "succeeded"
        ? { done: true, value: refunds }
        : { done: false, seen: refunds.map((refund) => refund.status).join() };
    });
    expect(refunds[0]?.amount.amount).toBe(booking.total - fee);
    expect(refunds[0]?.idempotencyKey).toBe(`cancel-${reference}`);
    const after = await app.db
      .selectFrom("rc_bookings")
      .select("status")
      .where("id", "=", booking.id)
      .executeTakeFirst();
    expect(after?.status).toBe("cancelled");
    expect(
      await app.db
        .selectFrom("rc_car_days")
        .selectAll()
        .where("booking_id", "=", booking.id)
        .execute(),
    ).toEqual([]);
    const cancellation = await app.db
      .selectFrom("rc_cancellations")
      .selectAll()
      .where("booking_id", "=", booking.id)
      .executeTakeFirst();
    expect(cancellation).toMatchObject({
      fee_percent: 20,
      fee,
      refund_amount: booking.total - fee,
      cancelled_by: "staff:mika@example.com",
    });
  });
}

function credentials(account: StaffAccount) {
  return { email: account.email, password: account.password };
}

function cookieOf(headers: Headers): string | undefined {
  const line = headers
    .getSetCookie()
    .find(
      (cookie) =>
        cookie.startsWith(`${SESSION_COOKIE}=`) && !cookie.startsWith(`${SESSION_COOKIE}=;`),
    );
  return line?.split(";")[0]?.slice(SESSION_COOKIE.length + 1);
}

async function staffId(app: TestApp, email: string): Promise<string | undefined> {
  return (
    await app.db.selectFrom("rc_staff").select("id").where("email", "=", email).executeTakeFirst()
  )?.id;
}

describe("staff console attacked over HTTP (SQLite)", () => {
  consoleSuite(() => undefined);
});

describePostgres("staff console attacked over HTTP (PostgreSQL)", (database) => {
  consoleSuite(() => database.url);
});

describe("the console's address allow-list", () => {
  it("refuses every console request from outside ADMIN_ALLOWED_IPS, the sign-in page included", async () => {
    const outside = await startTestApp({ env: { ADMIN_ALLOWED_IPS: "203.0.113.0/24" } });
    try {
      expect((await new HttpShopper(outside.consoleUrl).get("/sign-in")).status).toBe(403);
      expect((await new HttpShopper(outside.url).get("/")).status).toBe(200);
    } finally {
      await outside.close();
    }
    const inside = await startTestApp({
      env: { ADMIN_ALLOWED_IPS: "203.0.113.7,127.0.0.0/8,::1" },
    });
    try {
      expect((await new HttpShopper(inside.consoleUrl).get("/sign-in")).status).toBe(200);
    } finally {
      await inside.close();
    }
  }, 30_000);
});
