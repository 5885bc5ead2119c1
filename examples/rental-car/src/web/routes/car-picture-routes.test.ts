/**
 * @module
 * The car pictures over HTTP, through the whole app: each class's picture is referenced by the
 * search results and the booking page with alt text in the page's language, served as SVG from
 * the app's own origin with a year-long cache, and allowed by the page's CSP (`img-src 'self'`).
 * A name without the right hash is an ordinary 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CAR_CLASSES } from "../../catalogue/catalogue";
import { HTML, makeBooking } from "../../security/attack-fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { CAR_PICTURES, carPicture } from "../car-pictures";
import { TEXTS } from "../i18n";
import { defaultSearch } from "./search-routes";

/** The `<img>` tags of a page, as attribute maps. */
function images(html: string): Record<string, string>[] {
  return [...html.matchAll(/<img\b([^>]*)>/g)].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? "").matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [
        name ?? "",
        value ?? "",
      ]),
    ),
  );
}

/** The sources of one CSP directive. */
function directive(policy: string, name: string): string[] {
  const found = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

describe("car pictures", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it.each(["ja", "en"] as const)(
    "shows every class's picture in the %s search results",
    async (lang) => {
      const query = new URLSearchParams({ ...defaultSearch(new Date()), lang });
      const answer = await fetch(`${app.url}/search?${query}`, { headers: HTML });
      expect(answer.status).toBe(200);
      const shown = images(await answer.text());
      for (const carClass of CAR_CLASSES) {
        expect(shown).toContainEqual(
          expect.objectContaining({
            src: carPicture(carClass.code)?.href,
            alt: TEXTS[lang].carPictureAlt(carClass.name[lang], carClass.example[lang]),
          }),
        );
      }
      expect(directive(answer.headers.get("content-security-policy") ?? "", "img-src")).toContain(
        "'self'",
      );
    },
  );

  it("shows the booked class's picture on the booking page", async () => {
    const booking = await makeBooking(app, { name: "Emi Kato", email: "emi@example.com" });
    const page = await booking.shopper.get(
      `/bookings/${booking.reference}?t=${booking.token}&lang=en`,
      HTML,
    );
    expect(page.status).toBe(200);
    expect(images(page.html).map((image) => image.src)).toContain(carPicture("C")?.href);
  });

  it("serves each picture as SVG with a year-long cache, under a name that changes with it", async () => {
    expect(CAR_PICTURES.map((picture) => picture.carClass)).toEqual(
      CAR_CLASSES.map((carClass) => carClass.code),
    );
    for (const picture of CAR_PICTURES) {
      expect(picture.href).toMatch(
        new RegExp(`^/assets/cars/${picture.carClass}-[0-9a-f]{10}\\.svg$`),
      );
      const answer = await fetch(`${app.url}${picture.href}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const svg = await answer.text();
      expect(svg).toBe(picture.svg);
      expect(svg.trimStart()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).not.toMatch(/<script|on\w+=/i);
    }
  });

  it("answers 404 for a picture without its hash or with another one", async () => {
    for (const path of ["/assets/cars/K.svg", "/assets/cars/K-0000000000.svg", "/assets/cars/X"]) {
      expect((await fetch(`${app.url}${path}`)).status).toBe(404);
    }
  });
});
