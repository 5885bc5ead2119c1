import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Stripe from "stripe";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

const jpyItem = (name = "Compact car", unitAmount = 8_800) => ({
  price_data: { currency: "jpy", unit_amount: unitAmount, product_data: { name } },
  quantity: 1,
});

describe("session creation refuses bad input the way Stripe does", () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandbox();
  });
  afterAll(() => fixture.sandbox.close());

  async function rejection(params: Stripe.Checkout.SessionCreateParams) {
    const error: unknown = await fixture.stripe.checkout.sessions.create(params).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (!(error instanceof Stripe.errors.StripeError)) throw new Error("expected a StripeError");
    return error;
  }

  const cases: [string, Partial<Stripe.Checkout.SessionCreateParams>, string, RegExp][] = [
    [
      "an unknown currency",
      { line_items: [{ ...jpyItem(), price_data: { ...jpyItem().price_data, currency: "xyz" } }] },
      "line_items[0][price_data][currency]",
      /Invalid currency/,
    ],
    [
      "expires_at under 30 minutes",
      { expires_at: Math.floor(Date.now() / 1000) + 10 * 60 },
      "expires_at",
      /at least 30 minutes/,
    ],
    [
      "expires_at over 24 hours",
      { expires_at: Math.floor(Date.now() / 1000) + 25 * 60 * 60 },
      "expires_at",
      /less than 24 hours/,
    ],
    [
      "a negative quantity",
      { line_items: [{ ...jpyItem(), quantity: -1 }] },
      "line_items[0][quantity]",
      /greater than or equal to 1|between 1/,
    ],
    [
      "mixed currencies",
      {
        line_items: [
          jpyItem(),
          { ...jpyItem(), price_data: { ...jpyItem().price_data, currency: "usd" } },
        ],
      },
      "line_items[1][price_data][currency]",
      /same currency/,
    ],
    [
      "a saved price id",
      { line_items: [{ price: "price_123", quantity: 1 }] },
      "line_items[0][price]",
      /No such price: 'price_123'/,
    ],
    ["a subscription", { mode: "subscription" }, "mode", /mode=payment only/],
    ["a bad success_url", { success_url: "javascript:alert(1)" }, "success_url", /Not a valid URL/],
    ["a bad email", { customer_email: "not-an-email" }, "customer_email", /Invalid email address/],
    [
      "an unsupported locale",
      { locale: "fr" },
      "locale",
      /Invalid locale: must be one of ja, en, auto/,
    ],
    ["a total under ¥50", { line_items: [jpyItem("Gum", 10)] }, "line_items", /at least|between/],
    [
      "fractional ISK (Stripe's ISK amounts are ×100 and must end in 00)",
      {
        line_items: [
          {
            ...jpyItem(),
            price_data: { ...jpyItem().price_data, currency: "isk", unit_amount: 500_050 },
          },
        ],
      },
      "line_items[0][price_data][unit_amount]",
      /ISK has become effectively zero-decimal .* evenly divisible by 100/,
    ],
    [
      "a three-decimal amount not ending in 0",
      {
        line_items: [
          {
            ...jpyItem(),
            price_data: { ...jpyItem().price_data, currency: "kwd", unit_amount: 5_125 },
          },
        ],
      },
      "line_items[0][price_data][unit_amount]",
      /KWD must end in 0/,
    ],
    [
      "konbini in USD",
      {
        allowed_payment_method_types: ["card", "konbini"],
        line_items: [{ ...jpyItem(), price_data: { ...jpyItem().price_data, currency: "usd" } }],
      },
      "allowed_payment_method_types",
      /konbini/,
    ],
  ];

  it.each(cases)("answers 400 with the param for %s", async (_case, overrides, param, message) => {
    const error = await rejection({ ...sessionParams(), ...overrides });
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.rawType).toBe("invalid_request_error");
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it("requires line items", async () => {
    const { line_items: _dropped, ...withoutItems } = sessionParams();
    const error = await rejection(withoutItems);
    expect(error).toMatchObject({
      statusCode: 400,
      param: "line_items",
      code: "parameter_missing",
    });
    expect(error.message).toBe("Missing required param: line_items.");
  });

  it("takes payment_method_types from older API versions, but not together with the new name", async () => {
    const form = (extra: string) =>
      fetch(`${fixture.origin}/v1/checkout/sessions`, {
        method: "POST",
        headers: {
          Authorization: "Bearer sk_test_x1234",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: `line_items[0][price_data][currency]=jpy&line_items[0][price_data][unit_amount]=500&line_items[0][price_data][product_data][name]=Car&line_items[0][quantity]=1${extra}`,
      });
    const legacy = await form("&payment_method_types[]=card&payment_method_types[]=konbini");
    expect(await legacy.json()).toMatchObject({
      mode: "payment",
      payment_method_types: ["card", "konbini"],
      allowed_payment_method_types: null,
    });
    const both = await form("&payment_method_types[]=card&allowed_payment_method_types[]=card");
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({
      error: { message: expect.stringContaining("only specify one") },
    });
  });

  it("names unknown parameters like Stripe", async () => {
    const error = await rejection({ ...sessionParams(), submit_type: "book" });
    expect(error).toMatchObject({
      code: "parameter_unknown",
      param: "submit_type",
      message: "Received unknown parameter: submit_type",
    });
  });

  it("refuses a card number anywhere in the request and never stores it", async () => {
    const before = fixture.sandbox.sessions().length;
    const error = await rejection(
      sessionParams({ metadata: { note: "card 4242 4242 4242 4242" } }),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      param: "metadata[note]",
      code: "card_number_refused",
    });
    expect(error.message).toContain("ending in 4242");
    expect(error.message).not.toContain("4242 4242 4242 4242");
    expect(fixture.sandbox.sessions()).toHaveLength(before);
  });

  it("answers malformed form values with Stripe's integer error", async () => {
    const response = await fetch(`${fixture.origin}/v1/checkout/sessions`, {
      method: "POST",
      headers: {
        Authorization: "Bearer sk_test_x1234",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "mode=payment&line_items[0][price_data][currency]=jpy&line_items[0][price_data][unit_amount]=12abc&line_items[0][price_data][product_data][name]=Car&line_items[0][quantity]=1",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(await response.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "parameter_invalid_integer",
        doc_url: "https://stripe.com/docs/error-codes/parameter_invalid_integer",
        message: "Invalid integer: 12abc",
        param: "line_items[0][price_data][unit_amount]",
      },
    });
  });
});
