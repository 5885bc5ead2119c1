/**
 * @module
 * Staff in tests: a clock the console reads (TOTP codes are good once per 30-second step, so a
 * test moves the clock between codes), accounts set up through the real enrolment link, sign-in
 * over HTTP, and a booking paid through the sandbox for the console to work on.
 */

import {
  formFields,
  type HttpAnswer,
  HttpShopper,
  submitBooking,
} from "@linkpay/rental-car-http-client";
import { TEST_CARDS } from "@linkpay/sandbox";
import { generate } from "otplib";
import { inviteStaff } from "../console/staff-accounts";
import type { StaffRole } from "../db/app-tables";
import type { TestApp } from "./test-app";

/** A clock that moves only when told. */
export interface TestClock {
  readonly now: () => Date;
  advance(ms: number): void;
}

/** Starts at the system time (the sandbox and webhook signatures keep the system clock). */
export function testClock(): TestClock {
  let at = Date.now();
  return {
    now: () => new Date(at),
    advance(ms) {
      at += ms;
    },
  };
}

/** A set-up account and what signing in needs. */
export interface StaffAccount {
  readonly email: string;
  readonly password: string;
  readonly secret: string;
}

/** The current TOTP code of `secret`, by the clock; moves the clock a step on afterwards. */
export async function totpCode(secret: string, clock: TestClock): Promise<string> {
  const code = await generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  clock.advance(30_000);
  return code;
}

/** A client that posts like a browser on the console's own pages (same-origin). */
export function consoleClient(app: TestApp): HttpShopper {
  return new HttpShopper(app.consoleUrl);
}

/**
 * Invites an account (as a manager would), opens its link and finishes set-up over HTTP; returns
 * the account and a client signed in by the set-up.
 */
export async function enrolStaff(
  app: TestApp,
  clock: TestClock,
  input: { readonly email: string; readonly name: string; readonly role: StaffRole },
): Promise<{ readonly account: StaffAccount; readonly client: HttpShopper }> {
  const { enrolmentToken } = await inviteStaff(app.db, { ...input, now: clock.now() });
  const client = consoleClient(app);
  const opened = await client.get(`/enrol/${enrolmentToken}`);
  if (opened.status !== 303) throw new Error(`enrolment link answered ${opened.status}`);
  const page = await client.get("/enrol");
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.html)?.[1];
  if (secret === undefined) throw new Error("no TOTP secret on the set-up page");
  const password = `${input.name} likes long walks by the sea`;
  const done = await client.post("/enrol", {
    ...formFields(page.html, "/enrol"),
    password,
    password2: password,
    code: await totpCode(secret, clock),
  });
  if (done.status !== 303)
    throw new Error(`set-up answered ${done.status}: ${done.html.slice(0, 500)}`);
  return { account: { email: input.email, password, secret }, client };
}

/** Signs in with password and code; returns the client and the two answers. */
export async function signIn(
  app: TestApp,
  clock: TestClock,
  account: StaffAccount,
  client = consoleClient(app),
): Promise<{
  readonly client: HttpShopper;
  readonly password: HttpAnswer;
  readonly code: HttpAnswer;
}> {
  const form = await client.get("/sign-in");
  const password = await client.post("/sign-in", {
    ...formFields(form.html, "/sign-in"),
    email: account.email,
    password: account.password,
  });
  if (password.status !== 303) return { client, password, code: password };
  const codeForm = await client.get("/sign-in/code");
  const code = await client.post("/sign-in/code", {
    ...formFields(codeForm.html, "/sign-in/code"),
    code: await totpCode(account.secret, clock),
  });
  return { client, password, code };
}

/** Books a car over HTTP and pays it with the sandbox's success card; the booking reference. */
export async function paidBooking(
  app: TestApp,
  input: { readonly name: string; readonly pickUpDate: string; readonly returnDate: string },
): Promise<string> {
  const search = {
    pickUpLocation: "HND",
    returnLocation: "HND",
    pickUpDate: input.pickUpDate,
    pickUpTime: "10:00",
    returnDate: input.returnDate,
    returnTime: "09:00",
  };
  const shopper = new HttpShopper(app.url);
  const form = await shopper.get(
    `/book?${new URLSearchParams({ ...search, carClass: "C" })}&lang=en`,
  );
  const booked = await submitBooking(shopper, {
    ...formFields(form.html, "/book/confirm"),
    name: input.name,
    email: "hanako@example.com",
    phone: "090-1234-5678",
  });
  if (booked.status !== 303 || booked.location === null) {
    throw new Error(`booking answered ${booked.status}: ${booked.html.slice(0, 300)}`);
  }
  const paid = await new HttpShopper(app.sandbox?.origin ?? "").post(`${booked.location}/card`, {
    number: TEST_CARDS.success,
    exp: "12 / 34",
    cvc: "123",
    name: "Hanako Suzuki",
  });
  const reference = /\/bookings\/(RC-[^/?]+)/.exec(paid.location ?? "")?.[1];
  if (reference === undefined) throw new Error(`payment answered ${paid.status}`);
  await app.sandbox?.whenDeliveriesSettled();
  return reference;
}
