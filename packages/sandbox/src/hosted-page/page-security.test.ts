import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { TEST_CARDS } from "../cards/test-cards";
import { getPage, locationOf, postForm, submitCard } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

describe("hosted page security and presentation", () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandbox({ merchantName: "<b>Evil & Co</b>" });
  });
  afterAll(() => fixture.sandbox.close());

  const xssSession = () =>
    fixture.stripe.checkout.sessions.create(
      sessionParams({
        line_items: [
          {
            price_data: {
              currency: "jpy",
              unit_amount: 1_000,
              product_data: { name: "<script>alert(1)</script>" },
            },
            quantity: 1,
          },
          {
            price_data: {
              currency: "jpy",
              unit_amount: 500,
              product_data: { name: '"><img src=x onerror=alert(2)>' },
            },
            quantity: 1,
          },
        ],
        success_url: "https://shop.example/return?session_id={CHECKOUT_SESSION_ID}",
        cancel_url: "https://cart.example/cart",
      }),
    );

  it("renders hostile names inert", async () => {
    const session = await xssSession();
    const html = await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>Evil");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("&lt;b&gt;Evil &amp; Co&lt;/b&gt;");
  });

  it("sends a strict CSP that allows the session's redirect origins in form-action", async () => {
    const session = await xssSession();
    const response = await getPage(`${fixture.origin}/c/pay/${session.id}`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/form-action 'self' https:\/\/shop\.example https:\/\/cart\.example/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("shows the test banner, the cancel link and no inline script on every page", async () => {
    const session = await xssSession();
    const challenge = locationOf(
      await submitCard(fixture.origin, session.id, { number: TEST_CARDS.threeDSecure }),
    );
    for (const path of [`/c/pay/${session.id}`, challenge, "/c/pay/cs_test_unknown"]) {
      const html = await (await getPage(`${fixture.origin}${path}`)).text();
      expect(html).toContain("Test sandbox. This is not a real payment page.");
      expect(html).not.toMatch(/<script|<[^>]*\s(?:style|on\w+)=/i);
    }
    const form = await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text();
    expect(form).toContain('<a href="https://cart.example/cart">Cancel and return to the shop</a>');
  });

  it("refuses cross-site form posts and accepts same-origin ones", async () => {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    const url = `${fixture.origin}/c/pay/${session.id}/card`;
    const card = { number: TEST_CARDS.success, exp: "12/34", cvc: "123" };
    expect((await postForm(url, card, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await postForm(url, card, { "Sec-Fetch-Site": "same-site" })).status).toBe(403);
    expect((await postForm(url, card, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await fixture.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    expect((await postForm(url, card, { Origin: fixture.origin })).status).toBe(303);
  });

  it("speaks Japanese for ja and for auto with a Japanese browser, and formats yen without decimals", async () => {
    const ja = await fixture.stripe.checkout.sessions.create(sessionParams({ locale: "ja" }));
    const jaHtml = await (await getPage(`${fixture.origin}/c/pay/${ja.id}`)).text();
    expect(jaHtml).toContain('<html lang="ja">');
    expect(jaHtml).toContain("テスト用サンドボックスです");
    expect(jaHtml).toContain("￥17,600");

    const auto = await fixture.stripe.checkout.sessions.create(sessionParams({ locale: "auto" }));
    const autoJa = await (
      await getPage(`${fixture.origin}/c/pay/${auto.id}`, {
        "Accept-Language": "ja-JP,ja;q=0.9,en;q=0.5",
      })
    ).text();
    expect(autoJa).toContain("カード番号");
    const autoEn = await (
      await getPage(`${fixture.origin}/c/pay/${auto.id}`, { "Accept-Language": "en-GB" })
    ).text();
    expect(autoEn).toContain("Card number");
    expect(autoEn).toContain("¥17,600");
    expect(autoEn).not.toContain("17,600.00");
  });

  it("shows amounts as shoppers read them, not in Stripe's units (ISK 500000 is ISK 5,000)", async () => {
    const session = await fixture.stripe.checkout.sessions.create(
      sessionParams({
        locale: "en",
        line_items: [
          {
            price_data: { currency: "isk", unit_amount: 500_000, product_data: { name: "Tour" } },
            quantity: 1,
          },
        ],
      }),
    );
    const page = await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text();
    expect(page).toMatch(/ISK\s?5,000/);
    expect(page).not.toMatch(/500,000/);
  });

  it("sends the shopper back with a 303 whose target is the success URL with the session id", async () => {
    const session = await xssSession();
    const response = await postForm(`${fixture.origin}/c/pay/${session.id}/card`, {
      number: TEST_CARDS.success,
      exp: "12/34",
      cvc: "123",
    });
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe(`https://shop.example/return?session_id=${session.id}`);
  });
});
