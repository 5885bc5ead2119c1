/**
 * @module
 * Tests for reading a Checkout Session id from a hosted page URL: Stripe's own pages, the
 * sandbox's, and everything that only looks like one.
 */
import { describe, expect, it } from "@jest/globals";
import { STRIPE_CHECKOUT_ORIGIN } from "../options/connection-options";
import { sessionIdFromUrl } from "./session-id-from-url";

const ID = "cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmN";
const stripe = sessionIdFromUrl({ checkoutOrigins: [STRIPE_CHECKOUT_ORIGIN], livemode: false });
const sandbox = sessionIdFromUrl({ checkoutOrigins: ["http://127.0.0.1:4242"], livemode: false });

describe("sessionIdFromUrl", () => {
  it.each([
    ["Stripe's page with its fragment", `https://checkout.stripe.com/c/pay/${ID}#fidkdWxOYHwnPyd1`],
    ["a live session", "https://checkout.stripe.com/c/pay/cs_live_a1B2c3"],
    ["a query string", `https://checkout.stripe.com/c/pay/${ID}?locale=ja`],
  ])("reads %s", (_, url) => {
    expect(stripe(url)).toBe(/\/c\/pay\/(cs_[a-z]+_[A-Za-z0-9]+)/.exec(url)?.[1]);
  });

  it("reads the sandbox's pages on its own origin only", () => {
    expect(sandbox(`http://127.0.0.1:4242/c/pay/${ID}`)).toBe(ID);
    expect(sandbox(`http://127.0.0.1:4243/c/pay/${ID}`)).toBeUndefined();
    expect(stripe(`http://127.0.0.1:4242/c/pay/${ID}`)).toBeUndefined();
  });

  it.each([
    ["another host", `https://checkout.stripe.com.evil.example/c/pay/${ID}`],
    ["a look-alike host", `https://checkout-stripe.com/c/pay/${ID}`],
    ["plain http", `http://checkout.stripe.com/c/pay/${ID}`],
    ["an explicit default port", `https://checkout.stripe.com:443/c/pay/${ID}`],
    ["credentials", `https://checkout.stripe.com@evil.example/c/pay/${ID}`],
    ["a relative URL", `/c/pay/${ID}`],
    ["a protocol-relative URL", `//checkout.stripe.com/c/pay/${ID}`],
    ["a trailing segment", `https://checkout.stripe.com/c/pay/${ID}/konbini`],
    ["a trailing slash", `https://checkout.stripe.com/c/pay/${ID}/`],
    ["another path", `https://checkout.stripe.com/pay/${ID}`],
    ["another object", "https://checkout.stripe.com/c/pay/pi_test_a1B2c3"],
    ["no id", "https://checkout.stripe.com/c/pay/cs_test_"],
    ["an encoded character", `https://checkout.stripe.com/c/pay/${ID}%2F`],
    ["a backslash", `https://checkout.stripe.com\\c\\pay\\${ID}`],
    ["whitespace", ` https://checkout.stripe.com/c/pay/${ID}`],
    ["not a URL", "cs_test_a1B2c3"],
    ["nothing", ""],
  ])("refuses %s", (_, url) => {
    expect(stripe(url)).toBeUndefined();
  });
});
