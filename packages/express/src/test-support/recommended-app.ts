/**
 * @module
 * The app docs/express.md recommends: `mountLinkpay` around the test shop's routes, with signed
 * return links — the same code the documentation shows, so the documented wiring is the tested one.
 */
import { randomBytes } from "node:crypto";
import { createReturnLinks } from "@linkpay/core";
import express, { type Express } from "express";
import {
  checkoutHandler,
  checkoutRateLimit,
  createLogger,
  cspNonce,
  type LinkpayLogger,
  type MountLinkpayOptions,
  mountLinkpay,
  returnHandler,
  returnRateLimit,
} from "..";
import type { Shop } from "./shop";

/** The shop's orders, by reference, and the return-link tokens it handed out. */
export interface OrderBook {
  /** Return token → order reference, for the tests to follow the links. */
  readonly tokens: Map<string, string>;
}

/** The recommended app around `shop`; `overrides` change parts of the mount. */
export function recommendedApp(
  shop: Shop,
  logger: LinkpayLogger = createLogger({ level: "silent" }),
  overrides: Partial<MountLinkpayOptions> = {},
): { app: Express; orders: OrderBook } {
  const { payments } = shop;
  const orders: OrderBook = { tokens: new Map() };
  const links = createReturnLinks({ secret: "recommended-app-return-secret-0123456789" });
  const app = express();
  app.set("trust proxy", "loopback");

  mountLinkpay(app, {
    payments,
    logger,
    publicOrigin: "https://shop.example",
    production: false,
    csrf: {
      token: {
        secret: "recommended-app-test-secret-0123456789abcdef",
        sessionId: (req) => String(req.cookies?.sid ?? "anonymous"),
        secureCookie: false,
      },
    },
    routes: (app, { csrf }) => {
      app.get("/checkout", (req, res) => {
        const token = csrf?.generateToken(req, res) ?? "";
        res.setHeader("Cache-Control", "no-store");
        res.send(
          `<form method="post" action="/checkout"><input type="hidden" name="_csrf" value="${token}"><button>Pay</button></form>` +
            `<script nonce="${cspNonce(res)}">/* analytics */</script>`,
        );
      });
      app.post(
        "/checkout",
        checkoutRateLimit(),
        checkoutHandler({
          start: async (req) => {
            const car = typeof req.body?.car === "string" ? req.body.car : "";
            const orderRef = `RC-${car}-${randomBytes(4).toString("hex")}`;
            orders.tokens.set(links.tokenFor(orderRef), orderRef);
            return shop.start(orderRef, 5000);
          },
        }),
      );
      app.get(
        "/checkout/return",
        returnRateLimit(),
        returnHandler({
          payments,
          resolveOrder: (req) => {
            const token = String(req.query.t ?? "");
            const orderRef = orders.tokens.get(token);
            return orderRef !== undefined && links.isValid(orderRef, token) ? orderRef : null;
          },
          render: (view, _req, res) => {
            res.json({ status: view.status });
          },
        }),
      );
    },
    ...overrides,
  });
  return { app, orders };
}
