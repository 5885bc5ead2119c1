/**
 * @module
 * `@linkpay/store-sql/testing`: throwaway PostgreSQL databases for your own integration tests,
 * with the same rule as linkpay's: without a server the suite is skipped (with the reason
 * printed), except under `CI=true`, where it fails.
 *
 * @example
 * describePostgres("bookings on PostgreSQL", (database) => {
 *   it("stores", async () => { const store = createSqlStore({ url: database.url }); … });
 * });
 */
export { describePostgres, postgresAvailability } from "./postgres";
export {
  adminUrl,
  TEST_DATABASE_URL_VARIABLE,
  ThrowawayDatabase,
} from "./throwaway-database";
