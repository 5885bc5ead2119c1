/**
 * @module
 * "Find my booking" is no oracle: a wrong reference, a wrong e-mail and a malformed reference get
 * the same answer, and after the lookup limit even the right pair is refused (429).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import {
  type BookingFixture,
  bookTargets,
  HTML,
  makeBooking,
  storedBooking,
  tableCounts,
} from "./attack-fixtures";

describe("find my booking", () => {
  let app: TestApp;
  let a: BookingFixture;
  let b: BookingFixture;

  beforeAll(async () => {
    app = await startTestApp();
    ({ a, b } = await bookTargets(app));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The page with the CSRF token and the echoed reference replaced by placeholders. */
  function normalized(html: string, typedReference: string): string {
    return html
      .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')
      .replaceAll(typedReference, "RC-TYPED");
  }

  it("answers a wrong reference and a wrong e-mail with the same status and the same page", async () => {
    const shopper = new HttpShopper(app.url);
    const page = await shopper.get("/my-booking?lang=en", HTML);
    const unknownReference = "RC-ZZZZ2222";
    expect(await storedBooking(app, unknownReference)).toBeUndefined();
    const wrongReference = await shopper.post(
      "/my-booking",
      { ...formFields(page.html, "/my-booking"), reference: unknownReference, email: a.email },
      HTML,
    );
    const wrongEmail = await shopper.post(
      "/my-booking",
      { ...formFields(page.html, "/my-booking"), reference: a.reference, email: b.email },
      HTML,
    );
    const malformed = await shopper.post(
      "/my-booking",
      { ...formFields(page.html, "/my-booking"), reference: "nonsense", email: a.email },
      HTML,
    );
    // An ordinary page, not a 404 (which browsers log as a console error), the same for every miss.
    expect(wrongReference.status).toBe(200);
    expect(wrongEmail.status).toBe(wrongReference.status);
    expect(malformed.status).toBe(wrongReference.status);
    expect(wrongReference.html).toContain(TEXTS.en.notFound);
    expect(wrongReference.html).toContain(TEXTS.en.notFoundHint);
    expect(normalized(wrongEmail.html, a.reference)).toBe(
      normalized(wrongReference.html, unknownReference),
    );
    expect(normalized(malformed.html, "NONSENSE")).toBe(
      normalized(wrongReference.html, unknownReference),
    );
    expect(wrongEmail.headers.get("content-type")).toBe(wrongReference.headers.get("content-type"));
    expect(wrongEmail.html).not.toContain(a.name);

    const right = await shopper.post(
      "/my-booking",
      {
        ...formFields(page.html, "/my-booking"),
        reference: a.reference.toLowerCase(),
        email: a.email.toUpperCase(),
      },
      HTML,
    );
    expect(right.status).toBe(303);
  });

  it("stops answering after the lookup limit, even for the right reference and e-mail", async () => {
    const limited = await startTestApp({ rateLimits: { lookup: { limit: 3 } } });
    try {
      const owner = await makeBooking(limited, { name: "Chika Ito", email: "chika@example.com" });
      const before = await tableCounts(limited);
      // makeBooking used one lookup; two more wrong guesses reach the limit of 3.
      const shopper = new HttpShopper(limited.url);
      for (const guess of ["RC-ZZZZ2222", "RC-ZZZZ3333"]) {
        const answer = await shopper.post(
          "/my-booking",
          { reference: guess, email: owner.email },
          HTML,
        );
        expect(answer.status).toBe(200);
      }
      const blocked = await shopper.post(
        "/my-booking",
        { reference: "RC-ZZZZ4444", email: owner.email },
        HTML,
      );
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get("content-security-policy")).not.toBeNull();
      const right = await shopper.post(
        "/my-booking",
        { reference: owner.reference, email: owner.email },
        HTML,
      );
      expect(right.status).toBe(429);
      expect(right.location).toBeNull();
      expect(right.html).not.toContain(owner.token);
      expect(await tableCounts(limited)).toEqual(before);
      expect(limited.logs.some((line) => line.includes("rate limit reached"))).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
