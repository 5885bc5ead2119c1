import { describeStoreContract } from "@linkpay/core/contract-tests";
import { describePostgres } from "../testing/postgres";
import { createSqlStore } from "./sql-store";

describePostgres("SQL store on PostgreSQL", (database) => {
  describeStoreContract("SQL store on PostgreSQL", async () => {
    const store = createSqlStore({ url: database.url, poolSize: 12 });
    await store.migrate();
    return { store, close: () => store.close() };
  });
});
