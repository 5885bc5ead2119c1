/**
 * @module
 * linkpay's schema migrations and the runner that applies them.
 */
export { MIGRATIONS } from "./all-migrations";
export type { Migration, MigrationContext } from "./migration";
export {
  type MigrationReport,
  type MigrationState,
  migrationStatus,
  runMigrations,
} from "./migrator";
