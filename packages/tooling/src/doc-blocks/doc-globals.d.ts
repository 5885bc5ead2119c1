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
import type {
  CheckoutRequestInput,
  CheckoutUrls,
  PaymentHooks,
  Payments,
  StartedCheckout,
} from "@linkpay/core";
import type { LinkpayLogger, ReturnHandlerOptions, ReturnView } from "@linkpay/express";
import type { SqlStore, SqlTransactionHandle } from "@linkpay/store-sql";
import type { StripeProvider } from "@linkpay/stripe";
import type { Express, Request, Response, Router } from "express";

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
  /** Prices and starts the checkout of the booking a request names (see checkoutHandler). */
  function startBooking(req: Request, res: Response): Promise<StartedCheckout>;
  /** The booking form's HTML, with its CSRF token. */
  function bookingForm(csrfToken: string): string;

  // The integration guide's tour shop: its own tables and functions.
  /** The shop's own tables, beside linkpay's (a type alias: Kysely wants an indexable shape). */
  type MyTables = {
    tour_orders: { order_ref: string; status: string; seats: number };
  };
  /** Creates the shop's own tables (with its own migration bookkeeping). */
  function migrateMyTables(db: SqlStore["db"]): Promise<void>;
  /** Prices what the shopper chose from the catalogue; the request never carries a price. */
  function priceTour(form: unknown): CheckoutRequestInput;
  /** Stores the order and holds its seats; returns it as a checkout request. */
  function saveOrder(
    db: SqlStore["db"],
    order: CheckoutRequestInput,
  ): Promise<CheckoutRequestInput>;
  /** Marks an order paid, inside the payment's transaction. */
  function markPaid(db: SqlTransactionHandle["db"], orderRef: string): Promise<void>;
  /** Gives an unpaid order's seats back, inside the payment's transaction. */
  function releaseSeats(db: SqlTransactionHandle["db"], orderRef: string): Promise<void>;
  /** The return page's HTML for what the store says. */
  function returnPage(view: ReturnView): string;
}
