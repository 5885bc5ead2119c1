/**
 * @module
 * The names doc blocks use without defining them: the objects a reader's app already has once it
 * followed the guides, and a few of the reader's own functions. Each is typed with the real
 * linkpay, express and Node.js types, so a block that misuses one fails like it would in an app.
 *
 * Keep this list short and reviewed: add a name only when blocks in more than one place use it.
 * A block that needs its own helpers either defines them or is marked as a fragment.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { CheckoutRequestInput, CheckoutUrls, PaymentHooks, Payments } from "@linkpay/core";
import type { LinkpayLogger, ReturnHandlerOptions } from "@linkpay/express";
import type { SqlStore, SqlTransactionHandle } from "@linkpay/store-sql";
import type { StripeProvider } from "@linkpay/stripe";
import type { Express, Request, Router } from "express";

declare global {
  // The app's linkpay objects, named as the guides name them.
  /** `createPayments(...)`. */
  const payments: Payments;
  /** `createStripeProvider(...)`. */
  const stripe: StripeProvider;
  /** `createSqlStore(...)`. */
  const store: SqlStore;
  /** The shop's return URLs for `createPayments`. */
  const urls: CheckoutUrls;
  /** The shop's hooks for `createPayments`. */
  const hooks: PaymentHooks<SqlTransactionHandle>;
  /** `createLogger()` from @linkpay/express. */
  const logger: LinkpayLogger;

  // The app's Express objects.
  /** `express()`. */
  const app: Express;
  /** `express.Router()`. */
  const router: Router;

  // A webhook delivery as the app's route received it.
  /** The request body, unparsed. */
  const rawBody: Buffer;
  const headers: IncomingHttpHeaders;

  // The reader's own code that examples call.
  /** Marks the booking paid, through the payment's transaction. */
  function confirmBooking(tx: SqlTransactionHandle, orderRef: string): Promise<void>;
  /** Prices a booking from the shop's catalogue (never from the request). */
  function priceBooking(bookingId: string): CheckoutRequestInput;
  /** The order the shopper on the return page may see (see returnHandler). */
  const resolveOrder: ReturnHandlerOptions["resolveOrder"];
  /** The id your session middleware gives this browser (express-session: `req.sessionID`). */
  function browserIdOf(req: Request): string;
  /** Renders the return page (see returnHandler). */
  const render: ReturnHandlerOptions["render"];
}
