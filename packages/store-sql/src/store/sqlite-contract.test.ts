import { describeStoreContract } from "@linkpay/core/contract-tests";
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
