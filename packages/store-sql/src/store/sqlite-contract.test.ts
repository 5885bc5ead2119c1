import { afterAll } from "@jest/globals";
import {
  describeCspReportStoreContract,
  describeRateLimitStoreContract,
  describeStoreContract,
} from "@linkpay/core/contract-tests";
import { sqliteUrl, tempDir } from "../test/temp-dir";
import { createSqlStore } from "./sql-store";

const file = tempDir("contract");
describeStoreContract("SQL store on a SQLite file", async () => {
  const store = createSqlStore({ url: sqliteUrl(file.path) });
  await store.migrate();
  return {
    store,
    async close() {
      await store.close();
      file.remove();
    },
  };
});

describeStoreContract("SQL store on SQLite :memory:", async () => {
  const store = createSqlStore({ url: "sqlite::memory:", tablePrefix: "" });
  await store.migrate();
  return { store, close: () => store.close() };
});

let sqlitePrefixes = 0;
const reportsFile = tempDir("csp-contract");
afterAll(() => reportsFile.remove());
describeCspReportStoreContract("SQL store on a SQLite file", async ({ maxEntries }) => {
  // A table prefix of its own per test: a fresh, empty store in the same file.
  sqlitePrefixes++;
  const store = createSqlStore({
    url: sqliteUrl(reportsFile.path),
    tablePrefix: `csp${sqlitePrefixes}_`,
    cspReportLimit: maxEntries,
  });
  await store.migrate();
  return { store, close: () => store.close() };
});

describeRateLimitStoreContract("SQL store on a SQLite file", async () => {
  sqlitePrefixes++;
  const store = createSqlStore({
    url: sqliteUrl(reportsFile.path),
    tablePrefix: `rl${sqlitePrefixes}_`,
  });
  await store.migrate();
  return { store, close: () => store.close() };
});
