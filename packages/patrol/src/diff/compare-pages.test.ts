import { describe, expect, it } from "@jest/globals";
import type { PageSnapshot } from "../model/snapshot";
import { comparePages } from "./compare-pages";

const SITE = "https://rent.example.jp";
const PSP = "https://checkout.stripe.com";

function page(overrides: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    key: "/book",
    url: `${SITE}/book`,
    status: 200,
    headers: {
      csp: { "default-src": ["'self'"], "form-action": ["'self'", PSP] },
      cspReportOnly: null,
      other: {},
    },
    scripts: [
      { kind: "external", url: `${SITE}/app.js`, sha256: "a".repeat(64), integrity: "sha384-x" },
    ],
    iframes: [],
    forms: [
      {
        action: `${SITE}/bookings`,
        method: "post",
        fields: [{ name: "email", type: "email", autocomplete: "email", cardLike: false }],
      },
    ],
    linkOrigins: [],
    thirdPartyOrigins: [],
    navigations: [],
    cookies: [],
    ...overrides,
  };
}

function findings(before: PageSnapshot | undefined, after: PageSnapshot): string[] {
  return comparePages({
    baseline: before === undefined ? undefined : [before],
    pages: [after],
    site: SITE,
    checkoutOrigins: [PSP],
  }).map((f) => `${f.severity} ${f.code} ${f.subject}`);
}

describe("comparePages", () => {
  it("finds nothing when the page is unchanged", () => {
    expect(findings(page(), page())).toEqual([]);
  });

  it("calls a new or changed script critical, a removed one info, a lost integrity attribute critical", () => {
    const after = page({
      scripts: [
        { kind: "external", url: `${SITE}/app.js`, sha256: "b".repeat(64) },
        { kind: "external", url: "https://cdn.example/skim.js", sha256: "c".repeat(64) },
        { kind: "inline", sha256: "d".repeat(64), preview: "fetch(...)" },
        {
          kind: "handler",
          element: "button#pay",
          attribute: "onclick",
          sha256: "e".repeat(64),
          preview: "steal()",
        },
      ],
    });
    expect(findings(page(), after)).toEqual([
      `critical SCRIPT_CHANGED ${SITE}/app.js`,
      `critical SCRIPT_INTEGRITY_REMOVED ${SITE}/app.js`,
      "critical SCRIPT_ADDED https://cdn.example/skim.js",
      `critical INLINE_SCRIPT_ADDED ${"d".repeat(64)}`,
      "critical EVENT_HANDLER_ADDED button#pay onclick",
    ]);
    expect(findings(page(), page({ scripts: [] }))).toEqual([`info SCRIPT_REMOVED ${SITE}/app.js`]);
  });

  it("calls a card field or an off-site form critical even without a baseline", () => {
    const skimmer = page({
      forms: [
        {
          action: "https://collect.example/c",
          method: "post",
          fields: [{ name: "cc", type: "text", autocomplete: "cc-number", cardLike: true }],
        },
      ],
    });
    expect(findings(undefined, skimmer)).toEqual([
      "critical CARD_INPUT https://collect.example/c cc",
      "critical FORM_ACTION_OFF_SITE https://collect.example/c",
    ]);
  });

  it("accepts a form that posts to the provider's checkout origin", () => {
    expect(
      findings(
        undefined,
        page({ forms: [{ action: `${PSP}/c/pay/cs_test_1`, method: "post", fields: [] }] }),
      ),
    ).toEqual([]);
  });

  it("flags a meta refresh that leaves the site", () => {
    expect(findings(undefined, page({ navigations: ["https://evil.example/pay"] }))).toEqual([
      "critical NAVIGATION_OFF_SITE https://evil.example",
    ]);
    expect(findings(undefined, page({ navigations: ["/bookings/RC-1/return"] }))).toEqual([]);
  });

  it("warns of new third-party origins, linked origins, changed forms and status; flags a new frame", () => {
    const after = page({
      status: 500,
      iframes: ["https://evil.example/frame"],
      linkOrigins: ["https://partner.example"],
      thirdPartyOrigins: ["https://fonts.example"],
      forms: [
        {
          action: `${SITE}/bookings`,
          method: "post",
          fields: [
            { name: "email", type: "email", autocomplete: "email", cardLike: false },
            { name: "note", type: "text", autocomplete: "", cardLike: false },
          ],
        },
      ],
    });
    expect(findings(page(), after)).toEqual([
      `warning PAGE_STATUS_CHANGED ${SITE}/book`,
      "critical IFRAME_ADDED https://evil.example/frame",
      `warning FORM_CHANGED post ${SITE}/bookings`,
      "warning LINK_ORIGIN_ADDED https://partner.example",
      "warning THIRD_PARTY_ORIGIN_ADDED https://fonts.example",
    ]);
  });

  it("warns when a baseline page was not recorded", () => {
    const result = comparePages({
      baseline: [page(), page({ key: "/" })],
      pages: [page()],
      site: SITE,
      checkoutOrigins: [PSP],
    });
    expect(result.map((f) => `${f.severity} ${f.code} ${f.where}`)).toEqual([
      "warning PAGE_UNREACHABLE /",
    ]);
  });
});

describe("comparePages on a page that did not answer", () => {
  it("reports it unreachable once, not as protections removed", () => {
    const down = page({
      status: 0,
      headers: { csp: null, cspReportOnly: null, other: {} },
      scripts: [],
      forms: [],
    });
    expect(findings(page(), down)).toEqual([`warning PAGE_UNREACHABLE ${SITE}/book`]);
  });
});
