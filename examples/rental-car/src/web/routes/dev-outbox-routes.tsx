/**
 * @module
 * `GET /_dev/outbox`: the e-mails the demo would have sent, readable in the browser. A router
 * with no route unless {@link devOutboxMounted} allows it, so the path is a plain 404 elsewhere.
 */
import { Router } from "express";
import { type AppDeps, pageContext, sendHtml } from "../app-deps";
import { DEV_OUTBOX_PATH, devOutboxMounted, newestOutboxMessages } from "../dev-outbox";
import { DevOutboxPage } from "../views/dev-outbox-page";
import { renderPage } from "../views/layout";

/** The outbox page's routes. */
export function devOutboxRoutes(
  deps: Pick<AppDeps, "db" | "sandbox" | "production" | "mailBySmtp" | "publicBaseUrl">,
): Router {
  const router = Router();
  if (!devOutboxMounted(deps)) return router;
  router.get(DEV_OUTBOX_PATH, async (req, res) => {
    const messages = await newestOutboxMessages(deps.db);
    // Customers' addresses and booking links: never cached, never indexed.
    res.set({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
    sendHtml(
      res,
      200,
      renderPage(<DevOutboxPage context={pageContext(deps, req, res)} messages={messages} />),
    );
  });
  return router;
}
