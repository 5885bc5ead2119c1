/**
 * @module
 * Every migration linkpay ships, in the order they apply.
 */
import { initialMigration } from "./0001-initial";
import { cspReportsMigration } from "./0002-csp-reports";
import { rateLimitsMigration } from "./0003-rate-limits";
import { refundsMigration } from "./0004-refunds";
import type { Migration } from "./migration";

/** The migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  cspReportsMigration,
  rateLimitsMigration,
  refundsMigration,
];
