/**
 * @module
 * The rounds of one app setting (SQLite, SQLite with synchronous=normal, PostgreSQL): a warm-up of
 * everything, then alternating rounds of the payment start alone (`POST /bookings`, its drafts
 * confirmed untimed just before), the bare route, and the whole two-request checkout. The two app
 * paths run on app processes with a database each, so each has the whole fleet to book and a CPU
 * profile of its own. The payment start's drafts are confirmed by a twin process on its database
 * (same secrets, so the same browser cookie and CSRF token hold): the timed process serves
 * `POST /bookings` alone, and its CPU time, its garbage and its profile are the payment start's.
 */
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { bookDrafts, prepareDrafts } from "./checkout-drafts";
import { type AppBrowser, appFlow, bareFlow, Fleet, firstSearch } from "./checkout-flow";
import { type CheckoutPath, type Measured, measure, type RunTarget } from "./checkout-measure";

/** How the rounds run. */
export interface RoundSettings {
  readonly seconds: number;
  readonly rounds: number;
  readonly warmUpSeconds: number;
  readonly connections: number;
}

/** A server under load: where it listens, and its process (for its CPU time). */
export interface Server {
  readonly url: string;
  readonly pid: number | undefined;
}

/** The servers of one setting's rounds. */
export interface SettingServers {
  /** The app that gets the payment start alone, and its twin that confirms the drafts. */
  readonly book: Server;
  readonly drafts: Server;
  /** The app that gets whole checkouts. */
  readonly checkout: Server;
  readonly bare: Server;
  /** The sandbox: its origin is the hosted pages'. */
  readonly sandbox: Server;
}

/** How many drafts the warm-up books per second it should last, before any rate is known. */
const WARM_UP_BOOKINGS_PER_SECOND = 500;

/** The least rate a round's drafts are counted for, so one slow round does not shorten the next. */
const MIN_ESTIMATE = 200;

/** Opens the booking form once: the browser's cookies and CSRF token for every draft. */
async function openBrowser(appUrl: string, hostedPageOrigin: string): Promise<AppBrowser> {
  const shopper = new HttpShopper(appUrl);
  const form = await shopper.get(`/book?${firstSearch()}`);
  return {
    hostedPageOrigin,
    csrf: formFields(form.html, "/book/confirm")._csrf ?? "",
    cookie: form.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; "),
  };
}

/** Series names: the app's setting and path, or the bare route in that setting's run. */
export function subjectOf(setting: string, path: CheckoutPath): string {
  switch (path) {
    case "book":
      return `${setting}: POST /bookings`;
    case "checkout":
      return `${setting}: confirm + book`;
    case "bare":
      return `bare route (${setting.replace(/^app on /, "")} run)`;
  }
}

/** Warm-up, then alternating rounds; stops at the first run that fails its 303 check. */
export async function measureSetting(
  setting: string,
  servers: SettingServers,
  settings: RoundSettings,
): Promise<Measured[]> {
  const origin = servers.sandbox.url;
  const bookBrowser = await openBrowser(servers.drafts.url, origin);
  const bookFleet = new Fleet();
  const preparation = prepareDrafts(bookBrowser, bookFleet);
  const booking = bookDrafts(bookBrowser);
  const whole = appFlow(await openBrowser(servers.checkout.url, origin), new Fleet());
  const bare = bareFlow(origin);
  const { connections } = settings;
  const target = (path: CheckoutPath, round: number, server: Server): RunTarget => ({
    subject: subjectOf(setting, path),
    setting,
    path,
    round,
    url: server.url,
    serverPid: server.pid,
    sandboxPid: servers.sandbox.pid,
  });

  /** Confirms `count` drafts (untimed), then books exactly those, timed. */
  async function bookRun(round: number, count: number): Promise<Measured> {
    const confirming = { ...target("book", round, servers.drafts), subject: `${setting}: drafts` };
    await measure(confirming, { requests: count }, connections, preparation);
    const drafts = preparation.takeDrafts();
    booking.load(drafts);
    return measure(
      target("book", round, servers.book),
      { requests: drafts.length },
      connections,
      booking,
    );
  }

  const warmUp = { seconds: settings.warmUpSeconds };
  let rate = (await bookRun(0, Math.round(WARM_UP_BOOKINGS_PER_SECOND * settings.warmUpSeconds)))
    .rps;
  await measure(target("checkout", 0, servers.checkout), warmUp, connections, whole);
  await measure(target("bare", 0, servers.bare), warmUp, connections, bare);

  const runs: Measured[] = [];
  const timed = { seconds: settings.seconds };
  for (let round = 1; round <= settings.rounds; round++) {
    // As many drafts as the last rate books in `seconds`, within the car-days left for the rounds.
    const share = Math.floor(bookFleet.left / (settings.rounds - round + 1));
    const wanted = Math.round(Math.max(rate, MIN_ESTIMATE) * settings.seconds);
    const count = Math.max(connections, Math.min(wanted, share));
    const book = await bookRun(round, count);
    rate = book.rps;
    runs.push(book);
    runs.push(await measure(target("bare", round, servers.bare), timed, connections, bare));
    runs.push(
      await measure(target("checkout", round, servers.checkout), timed, connections, whole),
    );
    process.stderr.write(`round ${round} ${setting} done\n`);
  }
  return runs;
}
