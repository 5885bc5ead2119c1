import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type Stripe from "stripe";
import { getPage } from "../test/hosted-page-client";
import { inputOf } from "../test/page-fields";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

const line = (name: string, unitAmount: number, quantity: number) => ({
  price_data: { currency: "jpy", unit_amount: unitAmount, product_data: { name } },
  quantity,
});

describe("the payment page's markup", () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandbox();
  });
  afterAll(() => fixture.sandbox.close());

  const pageFor = async (params: Stripe.Checkout.SessionCreateParams) => {
    const session = await fixture.stripe.checkout.sessions.create(params);
    return (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text();
  };

  it("asks phones for a numeric keypad and lets browsers autofill each field", async () => {
    const page = await pageFor(sessionParams());
    expect(inputOf(page, "number")).toMatchObject({
      inputmode: "numeric",
      autocomplete: "cc-number",
      maxlength: "23",
    });
    expect(inputOf(page, "exp")).toMatchObject({
      inputmode: "numeric",
      autocomplete: "cc-exp",
      maxlength: "9",
    });
    expect(inputOf(page, "cvc")).toMatchObject({
      inputmode: "numeric",
      autocomplete: "cc-csc",
      maxlength: "4",
    });
    expect(inputOf(page, "name")).toMatchObject({ autocomplete: "cc-name" });
  });

  it("has patterns that let through every form the server accepts, and refuse letters", async () => {
    const page = await pageFor(sessionParams());
    // Browsers compile `pattern` with the `v` flag, anchored.
    const allows = (name: string, value: string) =>
      new RegExp(`^(?:${inputOf(page, name).pattern})$`, "v").test(value);
    for (const number of ["4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242"])
      expect(allows("number", number)).toBe(true);
    expect(allows("number", "４２４２ ４２４２ ４２４２ ４２４２")).toBe(true);
    for (const exp of ["1230", "12/30", "12 / 30", "12/2030", "12-30", "１２／３０"])
      expect(allows("exp", exp)).toBe(true);
    for (const cvc of ["123", "1234", "１２３"]) expect(allows("cvc", cvc)).toBe(true);
    expect(allows("number", "4242 4242 abcd 4242")).toBe(false);
    expect(allows("exp", "dec/30")).toBe(false);
    expect(allows("cvc", "12a")).toBe(false);
  });

  it("reads a per-day line as days in Japanese and never says 数量", async () => {
    const page = await pageFor(
      sessionParams({
        locale: "ja",
        line_items: [
          line("コンパクト(ヤリス等)(3日分)", 7_700, 3),
          line("チャイルドシート", 550, 2),
          line("乗り捨て料金", 5_500, 1),
        ],
      }),
    );
    expect(page).toContain('<span class="unit">￥7,700 × 3日</span>');
    expect(page).toContain('<span class="unit">￥550 × 2</span>');
    expect(page).not.toContain("数量");
    expect(page).not.toContain("￥5,500 × 1");
  });

  it("reads a per-day line as days in English", async () => {
    const page = await pageFor(
      sessionParams({
        locale: "en",
        line_items: [
          line("Compact (Yaris or similar) (3 days)", 7_700, 3),
          line("Child seat (1 day)", 550, 1),
          line("Snow tyres", 1_100, 2),
        ],
      }),
    );
    expect(page).toContain('<span class="unit">¥7,700 × 3 days</span>');
    expect(page).toContain('<span class="unit">¥550 × 1 day</span>');
    expect(page).toContain('<span class="unit">¥1,100 × 2</span>');
    expect(page).not.toContain("Qty");
  });

  it("does not call a quantity days when the name counts other days", async () => {
    const page = await pageFor(
      sessionParams({ locale: "en", line_items: [line("Weekly pass (7 days)", 9_000, 2)] }),
    );
    expect(page).toContain('<span class="unit">¥9,000 × 2</span>');
  });
});
