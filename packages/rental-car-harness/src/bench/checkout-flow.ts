/**
 * @module
 * What the checkout benchmark sends, and what it counts. The app's shopper makes two requests per
 * checkout (`POST /book/confirm` → 303 to the confirmation step, then `POST /bookings` with that
 * draft and the terms accepted → 303 to the hosted page); the bare route gets its one POST. Every
 * app checkout books a car-day nobody else holds, from a client address of its own, and counts
 * only when it ends at a hosted page not seen before: a refused form, a missing draft or a draft
 * sent twice can never pass for a checkout. The payment start alone (drafts confirmed beforehand)
 * is in checkout-drafts.ts.
 */
import { CAR_CLASSES, fleetSize, LOCATIONS } from "@linkpay/example-rental-car/catalogue/catalogue";
import type autocannon from "autocannon";

/** Days ahead the booking rules take (past the 3-hour lead time, within the 180-day horizon). */
const FIRST_DAY_AHEAD = 3;
const DAYS_USED = 170;
const TOKYO_OFFSET_MS = 9 * 3_600_000;
const UNEXPECTED_KEPT = 5;

/** The Japan-time date `days` days from today, `YYYY-MM-DD`. */
export function dayAhead(days: number): string {
  return new Date(Date.now() + TOKYO_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/** The booking form's query the benchmark opens it with (for its cookies and CSRF token). */
export function firstSearch(): URLSearchParams {
  return new URLSearchParams({
    pickUpLocation: "CTS",
    returnLocation: "CTS",
    pickUpDate: dayAhead(FIRST_DAY_AHEAD),
    pickUpTime: "10:00",
    returnDate: dayAhead(FIRST_DAY_AHEAD),
    returnTime: "18:00",
    carClass: "C",
  });
}

interface CarDay {
  readonly location: string;
  readonly carClass: string;
  readonly day: number;
}

/**
 * Every car-day of the fleet in the bookable window, in booking order: neighbours differ in shop
 * and class (concurrent checkouts never race for one car), each day once per car of the class.
 */
function carDays(): readonly CarDay[] {
  const largest = Math.max(
    ...LOCATIONS.flatMap((location) => CAR_CLASSES.map((c) => fleetSize(location.code, c.code))),
  );
  const all: CarDay[] = [];
  for (let car = 0; car < largest; car++) {
    for (let day = FIRST_DAY_AHEAD; day < FIRST_DAY_AHEAD + DAYS_USED; day++) {
      for (const { code: carClass } of CAR_CLASSES) {
        for (const { code: location } of LOCATIONS) {
          if (car < fleetSize(location, carClass)) all.push({ location, carClass, day });
        }
      }
    }
  }
  return all;
}

/** The car-days of one app's database, handed out once each; `n` doubles as the client address. */
export class Fleet {
  readonly #all = carDays();
  #next = 0;

  /** Car-days not handed out yet. */
  get left(): number {
    return this.#all.length - this.#next;
  }

  /** The next car-day and its number; past the last, a used one again (the app then refuses it). */
  take(note: (line: string) => void): { readonly n: number; readonly carDay: CarDay } {
    const n = this.#next++;
    if (n === this.#all.length) {
      note(
        `every car-day is booked (${this.#all.length}); run fewer or shorter rounds (--seconds, --rounds)`,
      );
    }
    const carDay = this.#all[n % this.#all.length];
    if (carDay === undefined) throw new Error("the catalogue has no cars");
    return { n, carDay };
  }
}

/** Counts since the previous `take()`. */
export interface FlowCount {
  /** Requests answered. */
  readonly answers: number;
  /** Answers that were the expected 303 (to the confirmation step; to a hosted page not seen before). */
  readonly expected: number;
  /** Checkouts that reached a hosted page. */
  readonly checkouts: number;
  /** The first distinct unexpected answers, `POST /path → status: why`. */
  readonly unexpected: readonly string[];
}

/** autocannon's request list for one server, and what its answers came to. */
export interface CheckoutFlow {
  readonly requests: autocannon.Request[];
  /** Requests per checkout. */
  readonly steps: number;
  /** The counts since the previous call; counting starts again from zero. */
  take(): FlowCount;
}

/** A response header by lower-case `name` (autocannon keeps the server's spelling). */
export function header(headers: autocannon.Request["headers"], name: string): string {
  const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  const value = found?.[1];
  return typeof value === "string" ? value : "";
}

/** Why an HTML answer was not a 303: its problem line, else its title. */
function why(body: string): string {
  const problem = /class="problem"[^>]*>([^<]*)</.exec(body)?.[1];
  const invalid = [...body.matchAll(/name="([^"]+)"[^>]*aria-invalid="true"/g)].map((m) => m[1]);
  const title = /<title>([^<]*)</.exec(body)?.[1];
  const fields = invalid.length > 0 ? ` (fields: ${invalid.join(", ")})` : "";
  return `${problem ?? title ?? body.slice(0, 120)}${fields}`;
}

/** Counts answers: an expected 303, or a kept line saying what came instead. */
export class Tally {
  #answers = 0;
  #expected = 0;
  #checkouts = 0;
  #unexpected: string[] = [];
  readonly #hostedPages = new Set<string>();

  constructor(readonly hostedPageOrigin: string) {}

  confirmation(status: number, location: string, body: string): boolean {
    const ok = status === 303 && location.startsWith("/book/confirm/");
    this.#count(ok, `POST /book/confirm → ${status}: ${location || why(body)}`);
    return ok;
  }

  hostedPage(path: string, status: number, location: string, body: string): void {
    const fresh = status === 303 && location.startsWith(this.hostedPageOrigin);
    const ok = fresh && !this.#hostedPages.has(location);
    if (ok) {
      this.#hostedPages.add(location);
      this.#checkouts++;
    }
    const seen = fresh ? `the hosted page ${location} again` : location || why(body);
    this.#count(ok, `POST ${path} → ${status}: ${seen}`);
  }

  note(line: string): void {
    if (!this.#unexpected.includes(line)) this.#unexpected.push(line);
  }

  take(): FlowCount {
    const count = {
      answers: this.#answers,
      expected: this.#expected,
      checkouts: this.#checkouts,
      unexpected: this.#unexpected,
    };
    this.#answers = 0;
    this.#expected = 0;
    this.#checkouts = 0;
    this.#unexpected = [];
    return count;
  }

  #count(ok: boolean, line: string): void {
    this.#answers++;
    if (ok) this.#expected++;
    else if (this.#unexpected.length < UNEXPECTED_KEPT) this.note(line);
  }
}

/** A form POST from client address number `client` (one X-Forwarded-For address each). */
export function formPost(client: number, headers: Record<string, string>, body: URLSearchParams) {
  return {
    body: body.toString(),
    headers: {
      ...headers,
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
      "x-forwarded-for": `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
    },
  };
}

/** The bare route: one POST per checkout, from its own client address. */
export function bareFlow(hostedPageOrigin: string): CheckoutFlow {
  const tally = new Tally(hostedPageOrigin);
  let client = 0;
  return {
    steps: 1,
    take: () => tally.take(),
    requests: [
      {
        method: "POST",
        path: "/bookings",
        setupRequest: (request) => ({
          ...request,
          ...formPost(client++, {}, new URLSearchParams({ plan: "compact" })),
        }),
        onResponse: (status, body, _context, headers) =>
          tally.hostedPage("/bookings", status, header(headers, "location"), body),
      },
    ],
  };
}

/** One browser of the app: `csrf` and `cookie` from one visit to the form; every draft is its. */
export interface AppBrowser {
  readonly hostedPageOrigin: string;
  readonly csrf: string;
  readonly cookie: string;
}

/**
 * The booking form's POST for the fleet's next car-day (the shopper's details filled in); its
 * answer goes to `confirmed` with the draft id, or "" when it was not the expected 303.
 */
export function confirmRequest(
  browser: AppBrowser,
  fleet: Fleet,
  tally: Tally,
  confirmed: (context: object, draft: string) => void,
): autocannon.Request {
  return {
    method: "POST",
    path: "/book/confirm",
    setupRequest: (request, context) => {
      const { n, carDay } = fleet.take((line) => tally.note(line));
      const { location, carClass, day } = carDay;
      Reflect.set(context, "client", n);
      const fields = new URLSearchParams({
        _csrf: browser.csrf,
        pickUpLocation: location,
        returnLocation: location,
        pickUpDate: dayAhead(day),
        pickUpTime: "10:00",
        returnDate: dayAhead(day),
        returnTime: "18:00",
        carClass,
        name: "Bench Shopper",
        kana: "ベンチ ショッパー",
        email: "bench@example.com",
        phone: "090-0000-0000",
      });
      return { ...request, ...formPost(n, { cookie: browser.cookie }, fields) };
    },
    onResponse: (status, body, context, answerHeaders) => {
      const location = header(answerHeaders, "location");
      const ok = tally.confirmation(status, location, body);
      confirmed(context, ok ? (location.split("/").at(-1) ?? "") : "");
    },
  };
}

/** "Continue to payment": the draft with the terms accepted, from the client that made it. */
export function bookRequest(
  browser: AppBrowser,
  tally: Tally,
  next: (context: object) => { readonly draft: string; readonly client: number },
): autocannon.Request {
  return {
    method: "POST",
    path: "/bookings",
    setupRequest: (request, context) => {
      const { draft, client } = next(context);
      const fields = new URLSearchParams({ _csrf: browser.csrf, draft, accept: "yes" });
      return { ...request, ...formPost(client, { cookie: browser.cookie }, fields) };
    },
    onResponse: (status, body, _context, answerHeaders) =>
      tally.hostedPage("/bookings", status, header(answerHeaders, "location"), body),
  };
}

/**
 * The whole checkout as a shopper's browser makes it: the booking form to the confirmation step,
 * whose 303 names the draft; then "Continue to payment" with that draft.
 */
export function appFlow(browser: AppBrowser, fleet: Fleet): CheckoutFlow {
  const tally = new Tally(browser.hostedPageOrigin);
  return {
    steps: 2,
    take: () => tally.take(),
    requests: [
      // No draft on failure: reusing the previous one would resume its booking.
      confirmRequest(browser, fleet, tally, (context, draft) =>
        Reflect.set(context, "draft", draft),
      ),
      bookRequest(browser, tally, (context) => ({
        draft: String(Reflect.get(context, "draft") ?? ""),
        client: Number(Reflect.get(context, "client")),
      })),
    ],
  };
}
