/**
 * @module
 * `GET /healthz`: the process is up. `GET /readyz`: the database answers (for load balancers).
 */

import { sql } from "@linkpay/store-sql";
import { Router } from "express";
import type { RouteDeps } from "../app-deps";

/** Health and readiness routes. */
export function healthRoutes(deps: Pick<RouteDeps, "db" | "logger">): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await sql`select 1`.execute(deps.db);
      res.set("Cache-Control", "no-store").json({ status: "ready" });
    } catch (error) {
      deps.logger.warn({ err: error }, "database not reachable");
      res.set("Cache-Control", "no-store").status(503).json({ status: "unavailable" });
    }
  });
  return router;
}
