/**
 * @module
 * The payment start alone, as the issue measures it: `POST /bookings` → 303 to the hosted page,
 * against the bare route's one POST. The confirmation step before it is not timed: before each
 * timed run, {@link prepareDrafts} confirms as many booking forms as the run will book (untimed,
 * each through the app's `POST /book/confirm`, which must answer its 303, served by a twin app
 * process on the same database: see checkout-rounds.ts), and the timed run
 * sends exactly that many `POST /bookings`, each with a draft of its own and from the client
 * address that made it. So every timed request is a distinct draft that must reach a new hosted
 * page, and the count, not a clock, ends the run (a draft never runs out mid-run).
 */
import {
  type AppBrowser,
  bookRequest,
  type CheckoutFlow,
  confirmRequest,
  type Fleet,
  type FlowCount,
  Tally,
} from "./checkout-flow";

/** A confirmed draft and the client address that made it. */
export interface PreparedDraft {
  readonly draft: string;
  readonly client: number;
}

/** The confirmation requests that make drafts, and the drafts they made. */
export interface DraftPreparation extends CheckoutFlow {
  /** The drafts confirmed since the previous `take()`, in the order they were made. */
  takeDrafts(): PreparedDraft[];
}

/** Confirms booking forms for the fleet's next car-days; each 303 adds its draft. */
export function prepareDrafts(browser: AppBrowser, fleet: Fleet): DraftPreparation {
  const tally = new Tally(browser.hostedPageOrigin);
  let drafts: PreparedDraft[] = [];
  return {
    steps: 1,
    take: () => tally.take(),
    takeDrafts() {
      const made = drafts;
      drafts = [];
      return made;
    },
    requests: [
      confirmRequest(browser, fleet, tally, (context, draft) => {
        if (draft !== "") drafts.push({ draft, client: Number(Reflect.get(context, "client")) });
      }),
    ],
  };
}

/** Books prepared drafts, one each; the timed run is exactly `drafts.length` requests. */
export interface BookingRun extends CheckoutFlow {
  /** Gives the next run its drafts. */
  load(drafts: readonly PreparedDraft[]): void;
}

/** `POST /bookings` for each loaded draft in turn. */
export function bookDrafts(browser: AppBrowser): BookingRun {
  const tally = new Tally(browser.hostedPageOrigin);
  let queue: readonly PreparedDraft[] = [];
  let next = 0;
  return {
    steps: 1,
    take: (): FlowCount => tally.take(),
    load(drafts) {
      queue = drafts;
      next = 0;
    },
    requests: [
      bookRequest(browser, tally, () => {
        const prepared = queue[next++];
        // Only a run sending more requests than it was given drafts gets here: never a draft twice.
        if (prepared === undefined) tally.note("more requests than prepared drafts");
        return prepared ?? { draft: "", client: 0 };
      }),
    ],
  };
}
