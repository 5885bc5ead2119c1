/**
 * @module
 * Simulated shoppers for the reliability run: each searches, books and pays over HTTP through the
 * load balancer, like a browser without JavaScript would, with one of a mix of outcomes, on the
 * hosted page of the provider the run uses. Konbini slips and abandoned checkouts are settled
 * later by the run (paid at the store / expired).
 */

import { CAR_CLASSES, LOCATIONS } from "@linkpay/example-rental-car/catalogue/catalogue";
import { formFields, type HttpAnswer, HttpShopper } from "@linkpay/rental-car-http-client";
import { TEST_CARDS } from "@linkpay/sandbox";
import type { HostedPageClient } from "./hosted-pages";

/** What a shopper sets out to do. */
export type JourneyKind = "card" | "decline_then_card" | "three_d_secure" | "konbini" | "abandon";

/** How a journey ended. */
export interface JourneyResult {
  readonly kind: JourneyKind;
  readonly outcome: "paid_by_card" | "konbini_slip" | "abandoned" | "sold_out" | "failed";
  /** The sandbox session, when the shopper reached the hosted page. */
  readonly sessionId: string | undefined;
  /** What went wrong, for the report. */
  readonly problem?: string | undefined;
}

/** A deterministic random source (mulberry32), so a run can be replayed by its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks a journey: 55% card, 10% decline then card, 10% 3-D Secure, 10% konbini, 15% abandon. */
export function pickJourney(random: () => number): JourneyKind {
  const roll = random();
  if (roll < 0.55) return "card";
  if (roll < 0.65) return "decline_then_card";
  if (roll < 0.75) return "three_d_secure";
  if (roll < 0.85) return "konbini";
  return "abandon";
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
}

function isoDate(daysFromNow: number, now: Date): string {
  return new Date(now.getTime() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

/** Retries a request the balancer answered 502/503/504 (an instance died under it). */
async function withRetry(send: () => Promise<HttpAnswer>, attempts = 4): Promise<HttpAnswer> {
  let answer = await send();
  for (
    let attempt = 1;
    attempt < attempts && answer.status >= 502 && answer.status <= 504;
    attempt++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    answer = await send();
  }
  return answer;
}

/** The e-mail address shopper number `index` books with. */
export function shopperEmail(index: number): string {
  return `shopper${index}@example.com`;
}

/** Runs one shopper's journey against the app at `appUrl`, paying on `page`. */
export async function runJourney(
  appUrl: string,
  page: HostedPageClient,
  kind: JourneyKind,
  random: () => number,
  index: number,
): Promise<JourneyResult> {
  // Each shopper comes from its own address (the balancer passes X-Forwarded-For on).
  const shopper = new HttpShopper(appUrl, {
    "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
  });
  const location = pick(LOCATIONS, random).code;
  const carClass = pick(CAR_CLASSES, random).code;
  // Within the shop's booking horizon (180 days), spread so shoppers rarely meet.
  const start = 20 + Math.floor(random() * 150);
  const search = {
    pickUpLocation: location,
    returnLocation: location,
    pickUpDate: isoDate(start, new Date()),
    pickUpTime: "10:00",
    returnDate: isoDate(start + 1 + Math.floor(random() * 3), new Date()),
    returnTime: "09:00",
    lang: random() < 0.5 ? "ja" : "en",
  };
  const failed = (problem: string): JourneyResult => ({
    kind,
    outcome: "failed",
    sessionId: undefined,
    problem,
  });

  const results = await withRetry(() => shopper.get(`/search?${new URLSearchParams(search)}`));
  if (results.status !== 200) return failed(`search answered ${results.status}`);
  const query = new URLSearchParams({ ...search, carClass });
  const form = await withRetry(() => shopper.get(`/book?${query}`));
  if (form.status !== 200) return failed(`booking form answered ${form.status}`);
  const fields = {
    ...formFields(form.html, "/book/confirm"),
    name: `Shopper ${index}`,
    kana: "シヨツパー",
    email: shopperEmail(index),
    phone: "090-0000-0000",
  };
  // A retried form makes another draft (harmless); a retried "Continue to payment" finds the
  // booking its draft already made, so a retry never books twice.
  const confirmed = await withRetry(() => shopper.post("/book/confirm", fields));
  if (confirmed.status === 409) return { kind, outcome: "sold_out", sessionId: undefined };
  if (confirmed.status !== 303 || confirmed.location === null)
    return failed(`POST /book/confirm answered ${confirmed.status}`);
  const confirmUrl = confirmed.location;
  const review = await withRetry(() => shopper.get(confirmUrl));
  if (review.status !== 200) return failed(`confirmation page answered ${review.status}`);
  const pay = { ...formFields(review.html, "/bookings"), accept: "yes" };
  const booked = await withRetry(() => shopper.post("/bookings", pay));
  if (booked.status === 409) return { kind, outcome: "sold_out", sessionId: undefined };
  if (booked.status !== 303 || booked.location === null)
    return failed(`POST /bookings answered ${booked.status}`);
  const hosted = booked.location;
  const sessionId = new URL(hosted).pathname.split("/").at(-1);

  switch (kind) {
    case "abandon":
      return { kind, outcome: "abandoned", sessionId };
    case "konbini": {
      const slip = await page.konbini(hosted);
      if (slip.status !== 303)
        return { kind, outcome: "failed", sessionId, problem: `konbini answered ${slip.status}` };
      return { kind, outcome: "konbini_slip", sessionId };
    }
    case "decline_then_card": {
      const declined = await page.card(hosted, TEST_CARDS.genericDecline);
      if (declined.status !== 303)
        return {
          kind,
          outcome: "failed",
          sessionId,
          problem: `decline answered ${declined.status}`,
        };
      break;
    }
    case "three_d_secure": {
      const challenge = await page.card(hosted, TEST_CARDS.threeDSecure);
      if (challenge.status !== 303 || challenge.location === null) {
        return {
          kind,
          outcome: "failed",
          sessionId,
          problem: `3-D Secure answered ${challenge.status}`,
        };
      }
      const passed = await page.passChallenge(hosted, challenge.location);
      return returned(shopper, passed, kind, sessionId);
    }
    case "card":
      break;
  }
  return returned(shopper, await page.card(hosted, TEST_CARDS.success), kind, sessionId);
}

async function returned(
  shopper: HttpShopper,
  paid: HttpAnswer,
  kind: JourneyKind,
  sessionId: string | undefined,
): Promise<JourneyResult> {
  if (paid.status !== 303 || paid.location === null) {
    return { kind, outcome: "failed", sessionId, problem: `payment answered ${paid.status}` };
  }
  const page = await withRetry(() => shopper.get(paid.location ?? ""));
  if (page.status !== 200)
    return { kind, outcome: "failed", sessionId, problem: `return page answered ${page.status}` };
  return { kind, outcome: "paid_by_card", sessionId };
}
