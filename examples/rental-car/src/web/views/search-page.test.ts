/**
 * @module
 * The search results as a Japanese (and an English) shopper reads them: 「1日あたり ￥5,500」 in
 * Japanese word order, 「・」 between facts, a list price that says whether the one-way fee is in
 * it, each class's picture, and the shops' address, phone, hours and access.
 */
import { describe, expect, it } from "@jest/globals";
import { h } from "preact";
import { findLocation } from "../../catalogue/catalogue";
import { formatYen, type Lang } from "../format";
import { TEXTS } from "../i18n";
import { renderPage } from "./layout";
import { SearchPage, type SearchResult } from "./search-page";

const SEARCH = {
  pickUpLocation: "CTS",
  returnLocation: "SPK",
  pickUpDate: "2027-01-10",
  pickUpTime: "10:00",
  returnDate: "2027-01-12",
  returnTime: "10:00",
};

function resultsPage(lang: Lang, results: SearchResult[], search = SEARCH): string {
  return renderPage(
    h(SearchPage, { context: { lang, otherLanguageHref: "/", sandbox: false }, search, results }),
  );
}

/** The text of the first class's facts line, tags removed. */
function facts(html: string): string | undefined {
  return /<p class="car-facts">(.*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]*>/g, "");
}

const KEI: SearchResult = {
  carClass: "K",
  free: 2,
  days: 2,
  total: 14_300,
  dropFee: 3_300,
  bookHref: "/book?carClass=K",
};

describe("search results", () => {
  it("reads in Japanese word order with 「・」 between the facts", () => {
    const html = resultsPage("ja", [KEI]);
    expect(facts(html)).toBe("N-BOXなど・4人乗り・1日あたり ￥5,500");
    expect(html).not.toContain("·");
  });

  it("reads naturally in English", () => {
    expect(facts(resultsPage("en", [KEI]))).toBe("N-BOX or similar · 4 seats · ¥5,500 per day");
  });

  it.each(["ja", "en"] as const)("says the %s list price includes the one-way fee", (lang) => {
    const html = resultsPage(lang, [KEI]);
    expect(html).toContain(TEXTS[lang].dropFeeIncluded(formatYen(3_300, lang)));
    expect(TEXTS.ja.dropFeeIncluded(formatYen(3_300, "ja"))).toBe("乗り捨て料金 ￥3,300 を含む");
    expect(TEXTS.en.dropFeeIncluded(formatYen(3_300, "en"))).toBe("incl. one-way fee ¥3,300");
  });

  it("lists every class with its daily rate on the home page, before any search", () => {
    const home = renderPage(
      h(SearchPage, {
        context: { lang: "ja", otherLanguageHref: "/", sandbox: false },
        search: SEARCH,
      }),
    );
    expect(facts(home)).toBe("N-BOXなど・4人乗り・1日あたり ￥5,500");
    expect(home.match(/<img class="car-picture"/g)).toHaveLength(4);
  });

  it("says a one-way rental without a fee has none, and a round trip says nothing", () => {
    const sameCity = { ...SEARCH, pickUpLocation: "HND", returnLocation: "SGW" };
    const free = { ...KEI, dropFee: 0 };
    expect(resultsPage("ja", [free], sameCity)).toContain(TEXTS.ja.noDropFee);
    const roundTrip = resultsPage("ja", [free], { ...SEARCH, returnLocation: "CTS" });
    expect(roundTrip).not.toContain(TEXTS.ja.noDropFee);
    expect(roundTrip).not.toContain("乗り捨て料金");
  });

  it("shows the pick-up and return shops with address, phone, hours and access", () => {
    const html = resultsPage("ja", [KEI]);
    for (const code of ["CTS", "SPK"]) {
      const shop = findLocation(code);
      if (shop === undefined) throw new Error(`no shop ${code}`);
      expect(html).toContain(`data-shop="${code}"`);
      expect(html).toContain(shop.address.ja);
      expect(html).toContain(shop.access.ja);
      expect(html).toContain(`>${shop.phone}</a>`);
    }
    expect(html).toContain(TEXTS.ja.shopTitle.pickUp);
    expect(html).toContain(TEXTS.ja.shopTitle.return);
    expect(html).toContain("毎日 7:00〜22:00");
    expect(html).toContain('href="tel:+81123004521"');
  });
});
