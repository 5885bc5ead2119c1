/**
 * @module
 * The audit log of staff actions, managers only, newest first, 100 rows a page.
 */
import { Router } from "express";
import { listStaffActions } from "../audit-log";
import {
  type ConsoleRouteDeps,
  consoleContext,
  requireManager,
  sendConsolePage,
} from "../console-deps";
import { AuditPage } from "../views/audit-page";
import { renderConsolePage } from "../views/console-layout";

const PAGE_SIZE = 100;

/** Routes: `GET /audit`. */
export function auditRoutes(deps: ConsoleRouteDeps): Router {
  const router = Router();
  router.get("/audit", requireManager(deps), async (req, res) => {
    const pageNumber = /^\d{1,4}$/.test(String(req.query.page ?? "")) ? Number(req.query.page) : 0;
    const rows = await listStaffActions(deps.db, {
      limit: PAGE_SIZE + 1,
      offset: pageNumber * PAGE_SIZE,
    });
    const view = (
      <AuditPage
        context={consoleContext(deps, req, res)}
        rows={rows.slice(0, PAGE_SIZE)}
        olderHref={rows.length > PAGE_SIZE ? `/audit?page=${pageNumber + 1}` : undefined}
      />
    );
    sendConsolePage(res, 200, renderConsolePage(view));
  });
  return router;
}
