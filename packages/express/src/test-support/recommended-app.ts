/**
 * @module
 * The app docs/express.md recommends, mounted in the recommended order, around the test shop:
 * the same code the documentation shows, so the documented order is the tested one.
 */
import { randomBytes } from "node:crypto";
import express, { type Express } from "express";
import {
  checkoutHandler,
  checkoutRateLimit,
  createLogger,
  cspReportRoute,
  csrfProtection,
  errorHandler,
  type LinkpayLogger,
  notFoundHandler,
  rejectCardData,
  requestLogging,
  returnHandler,
  returnRateLimit,
  securityHeaders,
  webhookPaths,
  webhookRoute,
} from "..";
import type { Shop } from "./shop";

/** The shop's orders: what a booking costs, and each order's unguessable return token. */
export interface OrderBook {
  /** Return token → order reference. */
  readonly tokens: Map<string, string>;
}

/** The recommended app around `shop`. */
export function recommendedApp(
  shop: Shop,
  logger: LinkpayLogger = createLogger({ level: "silent" }),
): {
  app: Express;
  orders: OrderBook;
} {
  const { payments } = shop;
  const orders: OrderBook = { tokens: new Map() };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use(requestLogging({ logger }));
  app.use(webhookRoute({ payments }));
  app.use(cspReportRoute({ path: "/csp-reports" }));
  app.use(securityHeaders({ payments, reportUri: "/csp-reports", production: false }));
  app.use(rejectCardData());
  const csrf = csrfProtection({
    publicOrigin: "https://shop.example",
    exemptPaths: webhookPaths(payments),
    token: {
      secret: "recommended-app-test-secret-0123456789abcdef",
      sessionId: (req) => String(req.cookies?.sid ?? "anonymous"),
      secureCookie: false,
    },
  });
  app.use(csrf);

  app.get("/checkout", (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.send(
      `<form method="post" action="/checkout"><input type="hidden" name="_csrf" value="${csrf.generateToken(req, res)}"><button>Pay</button></form>` +
        `<script nonce="${String(res.locals.cspNonce)}">/* analytics */</script>`,
    );
  });
  app.post(
    "/checkout",
    checkoutRateLimit(),
    checkoutHandler({
      payments,
      start: async (req) => {
        const car = typeof req.body?.car === "string" ? req.body.car : "";
        const orderRef = `RC-${car}-${randomBytes(4).toString("hex")}`;
        orders.tokens.set(randomBytes(24).toString("base64url"), orderRef);
        return shop.start(orderRef, 5000);
      },
    }),
  );
  app.get(
    "/checkout/return",
    returnRateLimit(),
    returnHandler({
      payments,
      resolveOrder: (req) => orders.tokens.get(String(req.query.t ?? "")) ?? null,
      render: (view, _req, res) => {
        res.json({ status: view.status });
      },
    }),
  );
  app.use(notFoundHandler());
  app.use(errorHandler());
  return { app, orders };
}
