import { describe, expect, it } from "@jest/globals";
import { type CheckoutReader, type CheckoutView, LinkpayError, money } from "@linkpay/core";
import type { NavigationHop, RedirectRecord } from "../model/snapshot";
import { checkRedirect } from "./check-redirect";

const SITE = "https://rent.example.jp";
const PSP = "https://checkout.stripe.com";
const EMAIL = "patrol+run1@example.com";

/** A reader that knows the sessions it is given, like a provider's API for one merchant. */
function readerKnowing(sessions: Record<string, Partial<CheckoutView>>): CheckoutReader {
  return {
    id: "stripe",
    checkoutOrigins: [PSP],
    checkoutSessionIdFromUrl: (url) =>
      /^https:\/\/checkout\.stripe\.com\/c\/pay\/(cs_test_\w+)$/.exec(
        url.split(/[?#]/)[0] ?? "",
      )?.[1],
    async retrieveCheckout({ providerSessionId }) {
      const session = sessions[providerSessionId];
      if (session === undefined) {
        throw new LinkpayError(
          "PROVIDER_SESSION_NOT_FOUND",
          `No such checkout.session: '${providerSessionId}'`,
        );
      }
      return {
        provider: "stripe",
        providerSessionId,
        orderRef: "RC-1",
        amount: money(12100, "JPY"),
        status: "open",
        refundedAmount: money(0, "JPY"),
        expiresAt: new Date("2026-12-05T12:00:00Z"),
        customerEmail: EMAIL,
        raw: {},
        ...session,
      };
    },
  };
}

const submit: NavigationHop = {
  url: `${SITE}/bookings`,
  method: "POST",
  status: 303,
  cause: "submit",
  location: `${PSP}/c/pay/cs_test_a1`,
};
const onPsp = (id: string): NavigationHop => ({
  url: `${PSP}/c/pay/${id}`,
  method: "GET",
  status: 200,
  cause: "redirect",
});

function record(hops: NavigationHop[]): RedirectRecord {
  return {
    journey: "book",
    hops,
    expectedAmount: { amount: 12100, currency: "JPY" },
    email: EMAIL,
  };
}

async function codes(
  hops: NavigationHop[],
  landingUrl: string,
  reader = readerKnowing({ cs_test_a1: {} }),
) {
  const findings = await checkRedirect({ record: record(hops), landingUrl, site: SITE, reader });
  return findings.map((finding) => `${finding.severity} ${finding.code}`);
}

describe("checkRedirect", () => {
  it("passes a submit answered by one redirect to an open session of this merchant for the amount shown", async () => {
    expect(
      await codes([submit, onPsp("cs_test_a1")], `${PSP}/c/pay/cs_test_a1#fidkdWxOYHwnPyd1blpx`),
    ).toEqual([]);
  });

  it("flags a lookalike origin, even when the browser's form-action refused to follow the redirect", async () => {
    const lookalike = {
      ...submit,
      location: "https://checkout-stripe.com.example/c/pay/cs_test_a1",
    };
    expect(await codes([lookalike], `${SITE}/book`)).toEqual([
      "critical REDIRECT_OFF_LIST",
      "critical REDIRECT_NOT_REACHED",
    ]);
  });

  it("flags a page in between, even on the site's own origin (a fake payment page that forwards)", async () => {
    const fake: NavigationHop = {
      url: `${SITE}/bookings`,
      method: "POST",
      status: 200,
      cause: "submit",
    };
    const forward: NavigationHop = {
      url: `${PSP}/c/pay/cs_test_a1`,
      method: "GET",
      status: 200,
      cause: "document",
    };
    expect(await codes([fake, forward], `${PSP}/c/pay/cs_test_a1`)).toEqual([
      "critical REDIRECT_EXTRA_HOP",
    ]);
  });

  it("flags an extra hop through another origin", async () => {
    const out = { ...submit, location: "https://tracker.example/r" };
    const via: NavigationHop = {
      url: "https://tracker.example/r",
      method: "GET",
      status: 302,
      cause: "redirect",
      location: `${PSP}/c/pay/cs_test_a1`,
    };
    expect(await codes([out, via, onPsp("cs_test_a1")], `${PSP}/c/pay/cs_test_a1`)).toEqual([
      "critical REDIRECT_OFF_LIST",
    ]);
  });

  it("flags a navigation that a script started instead of the form's submit", async () => {
    const scripted: NavigationHop = {
      url: "https://pay-stripe.example/c/pay/x",
      method: "GET",
      status: 200,
      cause: "document",
    };
    expect(await codes([scripted], "https://pay-stripe.example/c/pay/x")).toEqual([
      "critical REDIRECT_SCRIPT_NAVIGATION",
      "critical REDIRECT_OFF_LIST",
      "critical REDIRECT_NOT_REACHED",
    ]);
  });

  it("flags a genuine provider page with a session this merchant does not have (another merchant's)", async () => {
    expect(await codes([submit, onPsp("cs_test_other")], `${PSP}/c/pay/cs_test_other`)).toEqual([
      "critical SESSION_UNKNOWN",
    ]);
  });

  it("flags a session for another amount, another customer, or no longer open", async () => {
    const reader = readerKnowing({
      cs_test_a1: {
        amount: money(99000, "JPY"),
        customerEmail: "attacker@example.com",
        status: "paid",
      },
    });
    expect(await codes([submit, onPsp("cs_test_a1")], `${PSP}/c/pay/cs_test_a1`, reader)).toEqual([
      "critical SESSION_NOT_OPEN",
      "critical SESSION_WRONG_AMOUNT",
      "critical SESSION_WRONG_BOOKING",
    ]);
  });

  it("flags a page on the provider's origin that is not a session page", async () => {
    expect(
      await codes(
        [
          { ...submit, location: `${PSP}/phish` },
          { url: `${PSP}/phish`, method: "GET", status: 200, cause: "redirect" },
        ],
        `${PSP}/phish`,
      ),
    ).toEqual(["critical SESSION_UNKNOWN"]);
  });

  it("warns, without calling it an attack, when the provider cannot be asked", async () => {
    const reader: CheckoutReader = {
      ...readerKnowing({}),
      retrieveCheckout: async () => {
        throw new LinkpayError("PROVIDER_UNAVAILABLE", "connection refused");
      },
    };
    expect(await codes([submit, onPsp("cs_test_a1")], `${PSP}/c/pay/cs_test_a1`, reader)).toEqual([
      "warning SESSION_UNREADABLE",
    ]);
  });

  it("flags a submit that led nowhere", async () => {
    expect(await codes([], `${SITE}/book`)).toEqual(["critical REDIRECT_NOT_REACHED"]);
  });
});

describe("checkRedirect ending the run's own session", () => {
  async function expiredAfter(
    session: Partial<CheckoutView>,
    expireOwnSession = true,
  ): Promise<string[]> {
    const expired: string[] = [];
    const reader: CheckoutReader = {
      ...readerKnowing({ cs_test_a1: session }),
      expireCheckout: async ({ providerSessionId }) => {
        expired.push(providerSessionId);
      },
    };
    await checkRedirect({
      record: record([submit, onPsp("cs_test_a1")]),
      landingUrl: `${PSP}/c/pay/cs_test_a1`,
      site: SITE,
      reader,
      expireOwnSession,
    });
    return expired;
  }

  it("expires a sound, open session made for this run's e-mail", async () => {
    expect(await expiredAfter({})).toEqual(["cs_test_a1"]);
  });

  it("leaves a session made for someone else, one already closed, and one found wrong (evidence)", async () => {
    expect(await expiredAfter({ customerEmail: "shopper@example.com" })).toEqual([]);
    expect(await expiredAfter({ customerEmail: undefined })).toEqual([]);
    expect(await expiredAfter({ status: "paid" })).toEqual([]);
    expect(await expiredAfter({ amount: money(99000, "JPY") })).toEqual([]);
  });

  it("leaves every session alone when switched off", async () => {
    expect(await expiredAfter({}, false)).toEqual([]);
  });
});
