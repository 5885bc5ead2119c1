import { describe, expect, it } from "@jest/globals";
import { isLinkpayError, LinkpayError } from "../errors";
import { createRedirectGuard, type RedirectRejectionReason } from "./redirect-guard";

const STRIPE = "https://checkout.stripe.com";
const guard = createRedirectGuard({ allowedOrigins: [STRIPE] });

function caught(run: () => unknown): LinkpayError {
  try {
    run();
  } catch (error) {
    if (error instanceof LinkpayError) return error;
    throw error;
  }
  throw new Error("expected a LinkpayError");
}

function reasonFor(url: string, target = guard): unknown {
  return caught(() => target.check(url)).details.reason;
}

describe("createRedirectGuard: configuration", () => {
  it("keeps valid origins, de-duplicated and frozen", () => {
    const created = createRedirectGuard({
      allowedOrigins: [STRIPE, "https://pay.fake.test", STRIPE, "https://localhost:8443"],
    });
    expect(created.allowedOrigins).toEqual([
      STRIPE,
      "https://pay.fake.test",
      "https://localhost:8443",
    ]);
    expect(Object.isFrozen(created.allowedOrigins)).toBe(true);
    expect(Object.isFrozen(created)).toBe(true);
  });

  it("refuses an empty list", () => {
    const error = caught(() => createRedirectGuard({ allowedOrigins: [] }));
    expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(true);
    expect(error.status).toBe(500);
    expect(error.details).toEqual({ reason: "no_origins" });
  });

  it.each([
    ["", "not_a_string"],
    ["checkout.stripe.com", "unparseable"],
    ["https://", "unparseable"],
    [" https://checkout.stripe.com", "invalid_characters"],
    ["https://checkout.stripe.com\n", "invalid_characters"],
    ["https:\\\\checkout.stripe.com", "invalid_characters"],
    ["http://checkout.stripe.com", "insecure_scheme"],
    ["http://localhost:3000", "insecure_scheme"],
    ["ftp://checkout.stripe.com", "scheme_not_allowed"],
    ["javascript:alert(1)", "scheme_not_allowed"],
    ["https://checkout.stripe.com/", "not_an_origin"],
    ["https://checkout.stripe.com/c/pay", "not_an_origin"],
    ["https://checkout.stripe.com?x=1", "not_an_origin"],
    ["https://checkout.stripe.com#x", "not_an_origin"],
    ["https://user@checkout.stripe.com", "not_an_origin"],
    ["https://user:pw@checkout.stripe.com", "not_an_origin"],
    ["https://Checkout.Stripe.com", "not_an_origin"],
    ["https://checkout.stripe.com:443", "not_an_origin"],
    ["https://bücher.example", "not_an_origin"],
    ["https://0x7f.1", "not_an_origin"],
    ["https://checkout.stripe.com.", "invalid_host"],
    ["https://*.stripe.com", "invalid_host"],
    ["https://checkout_stripe.com", "invalid_host"],
  ])("refuses %j (%s)", (origin, reason) => {
    const error = caught(() => createRedirectGuard({ allowedOrigins: [STRIPE, origin] }));
    expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(true);
    expect(error.details).toEqual({ reason, origin });
  });

  it("refuses non-string entries and a missing list", () => {
    const withNumber = { allowedOrigins: [STRIPE, 42] };
    expect(
      caught(() => Reflect.apply(createRedirectGuard, undefined, [withNumber])).details,
    ).toEqual({
      reason: "not_a_string",
      origin: "number",
    });
    expect(caught(() => Reflect.apply(createRedirectGuard, undefined, [{}])).code).toBe(
      "CONFIG_INVALID",
    );
  });

  it("allows http: only for loopback hosts, only when asked", () => {
    const local = createRedirectGuard({
      allowedOrigins: ["http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:3000"],
      allowInsecureLocalhost: true,
    });
    expect(local.allowedOrigins).toHaveLength(3);
    for (const origin of [
      "http://example.com",
      "http://localhost.evil.example",
      "http://10.0.0.1",
    ]) {
      const error = caught(() =>
        createRedirectGuard({ allowedOrigins: [origin], allowInsecureLocalhost: true }),
      );
      expect(error.details.reason).toBe("insecure_scheme");
    }
  });

  it("accepts punycode hosts and IP literals", () => {
    expect(() =>
      createRedirectGuard({
        allowedOrigins: [
          "https://xn--bcher-kva.example",
          "https://127.0.0.1:8443",
          "https://[::1]",
        ],
      }),
    ).not.toThrow();
  });
});

describe("check: accepted", () => {
  it.each([
    STRIPE,
    `${STRIPE}/`,
    `${STRIPE}/c/pay/cs_test_a1b2c3#fidkdWxOYHwnPydsYHZqYHd`,
    `${STRIPE}/c/pay?session=cs_test_1&locale=ja`,
    `${STRIPE}?x`,
    `${STRIPE}#x`,
    "HTTPS://CHECKOUT.STRIPE.COM/c/pay",
    `${STRIPE}/pay/日本語`,
    `${STRIPE}/a@b`,
  ])("%s", (url) => {
    const parsed = guard.check(url);
    expect(parsed).toBeInstanceOf(URL);
    expect(parsed.origin).toBe(STRIPE);
    expect(guard.isAllowed(url)).toBe(true);
  });

  it("returns the parsed URL", () => {
    expect(guard.check(`${STRIPE}/c/pay/cs_1?a=1#b`).href).toBe(`${STRIPE}/c/pay/cs_1?a=1#b`);
  });
});

describe("check: refused", () => {
  it.each<[string, RedirectRejectionReason]>([
    ["", "not_absolute"],
    ["/c/pay/cs_1", "not_absolute"],
    ["//evil.example/x", "not_absolute"],
    ["checkout.stripe.com/c/pay", "not_absolute"],
    ["javascript:alert(document.cookie)", "scheme_not_allowed"],
    ["JavaScript:alert(1)", "scheme_not_allowed"],
    ["data:text/html,<script>alert(1)</script>", "scheme_not_allowed"],
    ["http://checkout.stripe.com/c/pay", "scheme_not_allowed"],
    ["ftp://checkout.stripe.com/", "scheme_not_allowed"],
    ["https://checkout.stripe.com@evil.example", "userinfo"],
    ["https://checkout.stripe.com@evil.example/c/pay", "userinfo"],
    ["https://user:pw@checkout.stripe.com/", "userinfo"],
    ["https://user@checkout.stripe.com/", "userinfo"],
    ["https://@checkout.stripe.com/", "userinfo"],
    ["https://:@checkout.stripe.com/", "userinfo"],
    ["https:user@checkout.stripe.com/", "userinfo"],
    ["https://checkout.stripe.com:8443/", "origin_not_allowed"],
    ["https://checkout.stripe.com.evil.example/", "origin_not_allowed"],
    ["https://checkout-stripe.com/", "origin_not_allowed"],
    ["https://checkout.stripe.co/", "origin_not_allowed"],
    ["https://stripe.com/", "origin_not_allowed"],
    ["https://evil.checkout.stripe.com/", "origin_not_allowed"],
    ["https://checkout.ѕtripe.com/", "origin_not_allowed"],
    ["https://checkout.xn--tripe-g2e.com/", "origin_not_allowed"],
    ["https://checkout.stripe.com./", "origin_not_allowed"],
    ["https://checkout.stripe.com.", "origin_not_allowed"],
    ["https://[::1]/", "origin_not_allowed"],
    ["https:checkout.stripe.com", "not_canonical"],
    ["https:/checkout.stripe.com/", "not_canonical"],
    ["https:///checkout.stripe.com/", "not_canonical"],
    ["https://checkout.stripe.com:443/", "not_canonical"],
    ["https://checkout.stripe.com:/", "not_canonical"],
    ["https://checkout.%73tripe.com/", "not_canonical"],
    ["https://ｃheckout.stripe.com/", "not_canonical"],
    ["https://checkout。stripe.com/", "not_canonical"],
    ["https://chec\u212aout.stripe.com/", "not_canonical"], // Kelvin sign
    [" https://checkout.stripe.com/", "control_characters"],
    ["https://checkout.stripe.com/ ", "control_characters"],
    ["https://checkout.stripe.com/c/\tpay", "control_characters"],
    ["https://checkout.stripe.com/\n", "control_characters"],
    ["https://checkout.stripe.com/\r\nSet-Cookie: a=1", "control_characters"],
    ["java\tscript:alert(1)", "control_characters"],
    ["https://checkout.stripe.com/\u0000", "control_characters"],
    ["https://checkout.stripe.com/\u007f", "control_characters"],
    ["https://checkout.stripe.com/\u0085", "control_characters"],
    ["https://checkout.stripe\u00ad.com/", "control_characters"],
    ["https://checkout.stripe.com\u200b/", "control_characters"],
    ["https://checkout.stripe.com/\u202eexe.txt", "control_characters"],
    ["https://checkout.stripe.com/\u2028", "control_characters"],
    ["https://checkout.stripe.com/\u00a0", "control_characters"],
    ["https://checkout.stripe.com/\u3000", "control_characters"],
    ["https://checkout.stripe.com/\ufeff", "control_characters"],
    ["https://checkout.stripe.com\\@evil.example/", "backslash"],
    ["https:\\\\evil.example", "backslash"],
    ["/\\evil.example", "backslash"],
    ["https://checkout.stripe.com/c\\pay", "backslash"],
    ["https://", "unparseable"],
    ["https://[::1", "unparseable"],
    ["https://checkout.stripe.com:99999/", "unparseable"],
  ])("%j: %s", (url, reason) => {
    const error = caught(() => guard.check(url));
    expect(isLinkpayError(error, "REDIRECT_NOT_ALLOWED")).toBe(true);
    expect(error.status).toBe(502);
    expect(error.details.reason).toBe(reason);
    expect(guard.isAllowed(url)).toBe(false);
  });

  it("names the offending origin but never echoes path, query or fragment", () => {
    const url = "https://evil.example/steal?token=secret_abc#frag";
    const error = caught(() => guard.check(url));
    expect(error.details).toEqual({ reason: "origin_not_allowed", origin: "https://evil.example" });
    expect(error.message).not.toContain("secret_abc");
    expect(error.message).not.toContain("/steal");
  });

  it("leaves origin out for URLs that have none", () => {
    expect(caught(() => guard.check("javascript:alert(1)")).details).toEqual({
      reason: "scheme_not_allowed",
    });
    expect(caught(() => guard.check("//evil.example")).details).toEqual({ reason: "not_absolute" });
  });

  it("names the real host for userinfo tricks", () => {
    expect(caught(() => guard.check("https://checkout.stripe.com@evil.example")).details).toEqual({
      reason: "userinfo",
      origin: "https://evil.example",
    });
  });

  it("refuses non-strings", () => {
    expect(caught(() => Reflect.apply(guard.check, guard, [42])).details.reason).toBe(
      "unparseable",
    );
    expect(Reflect.apply(guard.isAllowed, guard, [new URL(STRIPE)])).toBe(false);
  });
});

describe("check with several origins and local development", () => {
  const local = createRedirectGuard({
    allowedOrigins: ["http://localhost:3000", STRIPE],
    allowInsecureLocalhost: true,
  });

  it("accepts each configured origin", () => {
    expect(local.check("http://localhost:3000/pay/1").origin).toBe("http://localhost:3000");
    expect(local.check(`${STRIPE}/c/pay`).origin).toBe(STRIPE);
  });

  it("refuses other http: origins, other ports and other loopback spellings", () => {
    expect(reasonFor("http://evil.example/", local)).toBe("origin_not_allowed");
    expect(reasonFor("http://checkout.stripe.com/", local)).toBe("origin_not_allowed");
    expect(reasonFor("http://localhost:3001/", local)).toBe("origin_not_allowed");
    expect(reasonFor("http://127.0.0.1:3000/", local)).toBe("origin_not_allowed");
    expect(reasonFor("https://localhost:3000/", local)).toBe("origin_not_allowed");
    expect(local.isAllowed("http://LOCALHOST:3000/")).toBe(true);
  });

  it("is strict about IPv6 spelling", () => {
    const ipv6 = createRedirectGuard({
      allowedOrigins: ["http://[::1]:3000"],
      allowInsecureLocalhost: true,
    });
    expect(ipv6.isAllowed("http://[::1]:3000/x")).toBe(true);
    expect(reasonFor("http://[0:0::1]:3000/x", ipv6)).toBe("not_canonical");
  });
});
