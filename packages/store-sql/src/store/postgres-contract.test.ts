import {
  describeCspReportStoreContract,
  describeRateLimitStoreContract,
  describeStoreContract,
} from "@linkpay/core/contract-tests";
import { describePostgres } from "../testing/postgres";
import { createSqlStore } from "./sql-store";

describePostgres("SQL store on PostgreSQL", (database) => {
  describeStoreContract("SQL store on PostgreSQL", async () => {
    const store = createSqlStore({ url: database.url, poolSize: 12 });
    await store.migrate();
    return { store, close: () => store.close() };
  });

  let prefixes = 0;
  describeCspReportStoreContract("SQL store on PostgreSQL", async ({ maxEntries }) => {
    // A table prefix of its own per test: a fresh, empty store in the same database.
    prefixes++;
    const store = createSqlStore({
      url: database.url,
      tablePrefix: `csp${prefixes}_`,
      cspReportLimit: maxEntries,
    });
    await store.migrate();
    return { store, close: () => store.close() };
  });

  describeRateLimitStoreContract("SQL store on PostgreSQL", async () => {
    prefixes++;
    const store = createSqlStore({ url: database.url, tablePrefix: `rl${prefixes}_` });
    await store.migrate();
    return { store, close: () => store.close() };
  });
});
