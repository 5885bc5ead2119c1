import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { TEST_CARDS } from "../../cards/test-cards";
import { getPage, locationOf, postForm } from "../../test/hosted-page-client";
import {
  createKomojuSession,
  type KomojuFixture,
  retrieveKomojuSession,
  startKomojuSandbox,
  submitKomojuCard,
} from "../../test/komoju-client";
import {
  type KomojuWebhookReceiver,
  komojuTypesOf,
  startKomojuReceiver,
} from "../../test/komoju-webhook-receiver";
import { inputOf } from "../../test/page-fields";

describe("KOMOJU hosted page: cards", () => {
  let fixture: KomojuFixture;
  let receiver: KomojuWebhookReceiver;

  beforeAll(async () => {
    receiver = await startKomojuReceiver();
    fixture = await startKomojuSandbox({
      komoju: { webhooks: [{ url: receiver.url, secret: receiver.secret }] },
    });
    await receiver.waitFor(1);
  });
  afterAll(async () => {
    await fixture.sandbox.close();
    await receiver.close();
  });

  const eventsOf = (sessionId: string) =>
    komojuTypesOf(
      receiver.received.filter(
        (delivery) => delivery.event.type !== "ping" && delivery.event.data.session === sessionId,
      ),
    );
  const returnTo = (sessionId: string) =>
    `http://127.0.0.1:9/return?from=komoju&session_id=${sessionId}`;

  it("shows the offered payment types, the shared card fields and the way back to the shop", async () => {
    const session = await createKomojuSession(fixture);
    const response = await getPage(session.session_url);
    expect(response.status).toBe(200);
    const page = await response.text();
    for (const name of ["number", "exp", "cvc", "name"]) expect(inputOf(page, name).id).toBe(name);
    expect(inputOf(page, "number").autocomplete).toBe("cc-number");
    expect(page).toContain(`action="/komoju/sessions/${session.id}/card"`);
    expect(page).toContain("Pay at a convenience store");
    expect(page).toContain('value="lawson"');
    expect(page).toContain("Pay with PayPay");
    expect(page).toContain(`href="${returnTo(session.id).replaceAll("&", "&amp;")}"`);
    expect(page).toContain("Return to the shop without paying");
    expect(page).toContain("¥17,600");

    const cardOnly = await createKomojuSession(fixture, { payment_types: ["credit_card"] });
    const cardPage = await (await getPage(cardOnly.session_url)).text();
    expect(cardPage).not.toContain('value="lawson"');
    expect(cardPage).not.toContain("PayPay");
  });

  it("captures an approved card, completes the session and sends payment.captured", async () => {
    const session = await createKomojuSession(fixture);
    const response = await submitKomojuCard(fixture.base, session.id);
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe(returnTo(session.id));
    const paid = await retrieveKomojuSession(fixture, session.id);
    expect(paid).toMatchObject({
      status: "completed",
      payment: {
        resource: "payment",
        session: session.id,
        status: "captured",
        amount: 17_600,
        total: 17_600,
        currency: "JPY",
        amount_refunded: 0,
        payment_details: {
          type: "credit_card",
          brand: "visa",
          last_four_digits: "4242",
          month: 12,
          year: 2034,
        },
        external_order_num: session.payment_data.external_order_num,
        metadata: session.metadata,
        refunds: [],
        locale: "en",
      },
    });
    expect(paid.completed_at).not.toBeNull();
    expect(paid.payment?.captured_at).not.toBeNull();
    await fixture.sandbox.whenDeliveriesSettled();
    expect(eventsOf(session.id)).toEqual(["payment.captured"]);
    const completed = await (await getPage(session.session_url)).text();
    expect(completed).toContain("Payment complete");
  });

  it("keeps the session pending after a decline, shows why once, and lets the shopper retry", async () => {
    const session = await createKomojuSession(fixture);
    const declined = await submitKomojuCard(fixture.base, session.id, {
      number: TEST_CARDS.insufficientFunds,
      name: "Hanako",
    });
    expect(declined.status).toBe(303);
    expect(locationOf(declined)).toBe(`/komoju/sessions/${session.id}`);
    const failed = await retrieveKomojuSession(fixture, session.id);
    expect(failed).toMatchObject({ status: "pending", payment: { status: "failed" } });
    const page = await (await getPage(session.session_url)).text();
    expect(page).toContain("Your card has insufficient funds.");
    expect(inputOf(page, "name").value).toBe("Hanako");
    expect(page).not.toContain(TEST_CARDS.insufficientFunds);
    expect(await (await getPage(session.session_url)).text()).not.toContain("insufficient funds.");

    const retried = await submitKomojuCard(fixture.base, session.id);
    expect(locationOf(retried)).toBe(returnTo(session.id));
    await fixture.sandbox.whenDeliveriesSettled();
    expect(eventsOf(session.id)).toEqual(["payment.failed", "payment.captured"]);
  });

  it("refuses a malformed card without creating a payment", async () => {
    const session = await createKomojuSession(fixture);
    const response = await submitKomojuCard(fixture.base, session.id, {
      number: "4242424242424241",
    });
    expect(locationOf(response)).toBe(`/komoju/sessions/${session.id}`);
    expect((await retrieveKomojuSession(fixture, session.id)).payment).toBeNull();
    expect(await (await getPage(session.session_url)).text()).toContain(
      "Your card number is invalid.",
    );
  });

  it("asks for 3-D Secure, then captures on success or fails on failure", async () => {
    const session = await createKomojuSession(fixture, { default_locale: "ja" });
    const challenge = locationOf(
      await submitKomojuCard(fixture.base, session.id, { number: TEST_CARDS.threeDSecure }),
    );
    expect(challenge).toMatch(new RegExp(`^/komoju/sessions/${session.id}/3ds/`));
    const challengePage = await (await getPage(`${fixture.origin}${challenge}`)).text();
    expect(challengePage).toContain("本人認証(3Dセキュア)");
    expect(challengePage).toContain("3184");

    const failed = await postForm(`${fixture.origin}${challenge}`, { outcome: "fail" });
    expect(locationOf(failed)).toBe(`/komoju/sessions/${session.id}`);
    expect((await retrieveKomojuSession(fixture, session.id)).payment?.status).toBe("failed");
    expect(await (await getPage(session.session_url)).text()).toContain(
      "本人認証(3Dセキュア)に失敗しました",
    );

    const again = locationOf(
      await submitKomojuCard(fixture.base, session.id, { number: TEST_CARDS.threeDSecure }),
    );
    const passed = await postForm(`${fixture.origin}${again}`, { outcome: "pass" });
    expect(locationOf(passed)).toBe(returnTo(session.id));
    expect(await retrieveKomojuSession(fixture, session.id)).toMatchObject({
      status: "completed",
      payment: { status: "captured", payment_details: { last_four_digits: "3184" } },
    });
    expect((await getPage(`${fixture.origin}${again}`)).status).toBe(303);
  });

  it("speaks the session's default_locale, or ?lang, and carries ?lang through the forms", async () => {
    const session = await createKomojuSession(fixture, { default_locale: "ja" });
    const ja = await (await getPage(session.session_url)).text();
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain("カード番号");
    expect(ja).toContain("支払わずにショップに戻る");
    expect(ja).toContain("￥17,600");
    const en = await (await getPage(`${session.session_url}?lang=en`)).text();
    expect(en).toContain("Card number");
    expect(en).toContain(`action="/komoju/sessions/${session.id}/card?lang=en"`);
    const declined = await postForm(`${fixture.base}/sessions/${session.id}/card?lang=en`, {
      number: TEST_CARDS.genericDecline,
      exp: "12/34",
      cvc: "123",
    });
    expect(locationOf(declined)).toBe(`/komoju/sessions/${session.id}?lang=en`);
  });

  it("sends a strict CSP allowing the return origin, and refuses cross-site posts", async () => {
    const session = await createKomojuSession(fixture, {
      return_url: "https://shop.example/return",
      line_items: [{ description: "<script>alert(1)</script>", amount: 17_600, quantity: 1 }],
    });
    const response = await getPage(session.session_url);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/form-action 'self' https:\/\/shop\.example/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toContain("Test sandbox. This is not a real payment page.");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toMatch(/<script|<[^>]*\s(?:style|on\w+)=/i);

    const url = `${fixture.base}/sessions/${session.id}/card`;
    const card = { number: TEST_CARDS.success, exp: "12/34", cvc: "123" };
    expect((await postForm(url, card, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await postForm(url, card, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await retrieveKomojuSession(fixture, session.id)).payment).toBeNull();
  });

  it("shows notices for unknown, expired and cancelled sessions, each with a way back", async () => {
    expect((await getPage(`${fixture.base}/sessions/unknown`)).status).toBe(404);

    const expiring = await createKomojuSession(fixture);
    fixture.sandbox.komoju.expireSession(expiring.id);
    const expired = await (await getPage(expiring.session_url)).text();
    expect(expired).toContain("Checkout expired");
    expect(expired).toContain(`session_id=${expiring.id}`);
    expect((await submitKomojuCard(fixture.base, expiring.id)).status).toBe(303);
    expect((await retrieveKomojuSession(fixture, expiring.id)).payment).toBeNull();

    const cancelling = await createKomojuSession(fixture);
    await fixture.api(`/sessions/${cancelling.id}/cancel`, { method: "POST" });
    expect(await (await getPage(cancelling.session_url)).text()).toContain("Checkout cancelled");
  });
});
