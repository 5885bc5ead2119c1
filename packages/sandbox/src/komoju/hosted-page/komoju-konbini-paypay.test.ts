import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { getPage, locationOf, postForm } from "../../test/hosted-page-client";
import {
  createKomojuSession,
  type KomojuFixture,
  retrieveKomojuSession,
  startKomojuSandbox,
} from "../../test/komoju-client";
import {
  type KomojuWebhookReceiver,
  komojuTypesOf,
  startKomojuReceiver,
} from "../../test/komoju-webhook-receiver";
import { TEST_KEY } from "../../test/start-sandbox";

describe("KOMOJU hosted page: konbini and PayPay", () => {
  let now = new Date("2026-12-07T10:00:00+09:00");
  let fixture: KomojuFixture;
  let receiver: KomojuWebhookReceiver;

  beforeAll(async () => {
    receiver = await startKomojuReceiver();
    fixture = await startKomojuSandbox({
      now: () => now,
      komoju: { webhooks: [{ url: receiver.url, secret: receiver.secret }] },
    });
    await receiver.waitFor(1);
  });
  afterAll(async () => {
    await fixture.sandbox.close();
    await receiver.close();
  });

  const eventsOf = async (sessionId: string) => {
    await fixture.sandbox.whenDeliveriesSettled();
    return komojuTypesOf(
      receiver.received.filter(
        (delivery) => delivery.event.type !== "ping" && delivery.event.data.session === sessionId,
      ),
    );
  };
  const chooseStore = (sessionId: string, store: string) =>
    postForm(`${fixture.base}/sessions/${sessionId}/konbini`, { store });
  const operator = (path: string) =>
    fetch(`${fixture.origin}/_sandbox/komoju${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });

  it("issues a slip for the chosen store: payment authorized, session completed, slip page", async () => {
    const session = await createKomojuSession(fixture, { default_locale: "ja" });
    const form = await (await getPage(session.session_url)).text();
    for (const section of ["method-card", "method-konbini", "method-paypay"])
      expect(form).toContain(`href="#${section}"`);
    expect(form).not.toContain("checked");
    const response = await chooseStore(session.id, "lawson");
    expect(response.status).toBe(303);
    const slipPath = locationOf(response);
    const issued = await retrieveKomojuSession(fixture, session.id);
    expect(issued).toMatchObject({
      status: "completed",
      payment: {
        status: "authorized",
        payment_details: {
          type: "konbini",
          store: "lawson",
          receipt: expect.stringMatching(/^\d{11}$/),
          confirmation_code: expect.stringMatching(/^\d{6}$/),
          instructions_url: `${fixture.origin}${slipPath}`,
        },
        // 3 days after Dec 7 (JST), at 23:59:59 JST.
        payment_deadline: "2026-12-10T14:59:59.000Z",
        captured_at: null,
      },
    });
    const slip = await (await getPage(`${fixture.origin}${slipPath}`)).text();
    const details = issued.payment?.payment_details;
    if (details?.type !== "konbini") throw new Error("not a konbini payment");
    expect(slip).toContain("ローソン");
    expect(slip).toContain("KOMOJUの決済ページを模したテスト画面");
    expect(slip.indexOf("お客様番号")).toBeLessThan(slip.indexOf("確認番号"));
    expect(slip).toContain(details.receipt);
    expect(slip).toContain(details.confirmation_code ?? "missing");
    expect(slip).toContain("2026年12月10日");
    expect(slip).toContain(
      `class="button" href="http://127.0.0.1:9/return?from=komoju&amp;session_id=${session.id}"`,
    );
    expect(locationOf(await getPage(session.session_url))).toBe(slipPath);
    expect(await eventsOf(session.id)).toEqual(["payment.authorized"]);

    fixture.sandbox.komoju.markKonbiniPaid(session.id);
    expect((await retrieveKomojuSession(fixture, session.id)).payment).toMatchObject({
      status: "captured",
      captured_at: now.toISOString(),
    });
    expect(await (await getPage(`${fixture.origin}${slipPath}`)).text()).toContain(
      "このお支払いは完了しています。",
    );
    expect(await eventsOf(session.id)).toEqual(["payment.authorized", "payment.captured"]);
    expect(() => fixture.sandbox.komoju.markKonbiniPaid(session.id)).toThrow(/no konbini payment/);
  });

  it("uses payment_data.payment_deadline, and expires the slip by operator route or sweep", async () => {
    const session = await createKomojuSession(fixture, {
      payment_types: ["konbini"],
      payment_data: {
        external_order_num: "RC-konbini-deadline",
        payment_deadline: "2026-12-08T14:59:59Z",
      },
    });
    const slipPath = locationOf(await chooseStore(session.id, "seven-eleven"));
    const issued = await retrieveKomojuSession(fixture, session.id);
    expect(issued.payment).toMatchObject({
      payment_deadline: "2026-12-08T14:59:59.000Z",
      payment_details: { store: "seven-eleven", confirmation_code: null },
    });
    const slip = await (await getPage(`${fixture.origin}${slipPath}?lang=en`)).text();
    expect(slip).toContain("Payment slip number");
    expect(slip).not.toContain("Confirmation number");

    const expired = await operator(`/sessions/${session.id}/konbini-expired`);
    expect(expired.status).toBe(200);
    expect(await expired.json()).toMatchObject({
      id: session.id,
      payment: { status: "expired", type: "konbini" },
    });
    expect(await eventsOf(session.id)).toEqual(["payment.authorized", "payment.expired"]);
    const again = await operator(`/sessions/${session.id}/konbini-paid`);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ error: { code: "konbini_payment_not_pending" } });
    expect((await operator("/sessions/unknown/konbini-paid")).status).toBe(404);
  });

  it("issues no slip once payment_data.payment_deadline has passed, while card stays open", async () => {
    const session = await createKomojuSession(fixture, {
      expires_in_seconds: 86_400,
      payment_data: {
        external_order_num: "RC-konbini-deadline-passed",
        payment_deadline: "2026-12-07T12:00:00+09:00",
      },
    });
    now = new Date("2026-12-07T12:00:00+09:00");
    try {
      const page = await (await getPage(session.session_url)).text();
      expect(page).not.toContain(`action="/komoju/sessions/${session.id}/konbini"`);
      expect(page).not.toContain('href="#method-konbini"');
      expect(page).toContain('id="method-card"');
      const refused = await chooseStore(session.id, "lawson");
      expect(locationOf(refused)).toBe(`/komoju/sessions/${session.id}`);
      expect(await retrieveKomojuSession(fixture, session.id)).toMatchObject({
        status: "pending",
        payment: null,
      });
      expect(await eventsOf(session.id)).toEqual([]);
    } finally {
      now = new Date("2026-12-07T10:00:00+09:00");
    }
  });

  it("goes to the PayPay look-alike; cancel keeps the session pending, approve captures", async () => {
    const session = await createKomojuSession(fixture);
    const toWallet = await postForm(`${fixture.base}/sessions/${session.id}/paypay`, {});
    const walletPath = locationOf(toWallet);
    expect(walletPath).toMatch(/^\/komoju\/wallet\/paypay\/[0-9a-z]{25}$/);
    const wallet = await (await getPage(`${fixture.origin}${walletPath}`)).text();
    expect(wallet).toContain("PayPay (look-alike)");
    expect(wallet).toContain("This is not PayPay");
    expect(wallet).toContain("Rent-a-Car Test");
    expect((await retrieveKomojuSession(fixture, session.id)).payment?.status).toBe("pending");

    const cancelled = await postForm(`${fixture.origin}${walletPath}`, { outcome: "cancel" });
    expect(locationOf(cancelled)).toBe(`/komoju/sessions/${session.id}`);
    expect(await retrieveKomojuSession(fixture, session.id)).toMatchObject({
      status: "pending",
      payment: { status: "failed", payment_details: { type: "paypay" } },
    });
    expect(await (await getPage(session.session_url)).text()).toContain(
      "The PayPay payment was cancelled.",
    );

    const retry = locationOf(await postForm(`${fixture.base}/sessions/${session.id}/paypay`, {}));
    const approved = await postForm(`${fixture.origin}${retry}`, { outcome: "approve" });
    expect(locationOf(approved)).toBe(
      `http://127.0.0.1:9/return?from=komoju&session_id=${session.id}`,
    );
    expect(await retrieveKomojuSession(fixture, session.id)).toMatchObject({
      status: "completed",
      payment: { status: "captured", payment_details: { type: "paypay" } },
    });
    expect(await eventsOf(session.id)).toEqual(["payment.failed", "payment.captured"]);
    expect(
      locationOf(await postForm(`${fixture.origin}${walletPath}`, { outcome: "approve" })),
    ).toBe(`/komoju/sessions/${session.id}`);
  });

  it("cancelling a session with a PayPay payment waiting cancels the payment too", async () => {
    const session = await createKomojuSession(fixture);
    await postForm(`${fixture.base}/sessions/${session.id}/paypay`, {});
    await fixture.api(`/sessions/${session.id}/cancel`, { method: "POST" });
    expect(await retrieveKomojuSession(fixture, session.id)).toMatchObject({
      status: "cancelled",
      payment: { status: "cancelled" },
    });
    expect(await eventsOf(session.id)).toEqual(["payment.cancelled"]);
  });

  it("expires unpaid slips past their deadline in the sweep", async () => {
    const sweeping = await startKomojuSandbox({ now: () => now, expirySweepMs: 10 });
    try {
      const session = await createKomojuSession(sweeping);
      await chooseStoreOn(sweeping, session.id, "family-mart");
      now = new Date("2026-12-11T00:00:00+09:00");
      const deadline = Date.now() + 2_000;
      while ((await retrieveKomojuSession(sweeping, session.id)).payment?.status !== "expired") {
        if (Date.now() > deadline) throw new Error("the sweep never expired the slip");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      now = new Date("2026-12-07T10:00:00+09:00");
      await sweeping.sandbox.close();
    }
  });
});

function chooseStoreOn(fixture: KomojuFixture, sessionId: string, store: string) {
  return postForm(`${fixture.base}/sessions/${sessionId}/konbini`, { store });
}
