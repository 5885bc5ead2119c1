import { once } from "node:events";
import { createServer } from "node:net";
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import Database from "better-sqlite3";
import { Client, DatabaseError } from "pg";
import { classifyDatabaseError, classifyDriverError, toStoreError } from "./classify-error";

function sqliteError(run: (db: Database.Database) => void): unknown {
  const db = new Database(":memory:");
  try {
    run(db);
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error("expected SQLite to throw");
}

function pgError(code: string): DatabaseError {
  const error = new DatabaseError("server said no", 0, "error");
  error.code = code;
  error.severity = "ERROR";
  return error;
}

async function refusedConnection(): Promise<unknown> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  const client = new Client({ host: "127.0.0.1", port, connectionTimeoutMillis: 2_000 });
  return client.connect().then(
    () => new Error("connected to a closed port"),
    (error: unknown) => error,
  );
}

describe("driver error classification", () => {
  it("sorts SQLite errors", () => {
    const unique = sqliteError((db) => {
      db.exec("create table t (id text primary key)");
      db.exec("insert into t values ('a')");
      db.exec("insert into t values ('a')");
    });
    expect(classifyDriverError(unique)).toBe("unique");
    expect(classifyDriverError(sqliteError((db) => db.exec("select * from nope")))).toBe(
      "missing_table",
    );
    expect(classifyDriverError(sqliteError((db) => db.exec("selec 1")))).toBe("database");
    // As better-sqlite3 raises it when another copy of the module defined the class.
    expect(
      classifyDriverError({ name: "SqliteError", code: "SQLITE_BUSY", message: "locked" }),
    ).toBe("busy");
  });

  it("sorts PostgreSQL errors by SQLSTATE", () => {
    expect(classifyDriverError(pgError("40P01"))).toBe("serialization");
    expect(classifyDriverError(pgError("40001"))).toBe("serialization");
    expect(classifyDriverError(pgError("23505"))).toBe("unique");
    expect(classifyDriverError(pgError("42P01"))).toBe("missing_table");
    for (const code of ["57P01", "57P03", "08006", "53300", "55P03", "57014"]) {
      expect(classifyDriverError(pgError(code))).toBe("unavailable");
    }
    expect(classifyDriverError(pgError("22P02"))).toBe("database");
  });

  it("treats a refused or dropped connection as unavailable", async () => {
    expect(classifyDriverError(await refusedConnection())).toBe("unavailable");
    expect(classifyDriverError(new Error("Connection terminated unexpectedly"))).toBe(
      "unavailable",
    );
  });

  it("maps driver errors to retryable LinkpayErrors and passes other errors through", async () => {
    const unavailable = toStoreError(await refusedConnection(), "test");
    expect(isLinkpayError(unavailable, "STORE_UNAVAILABLE") && unavailable.retryable).toBe(true);
    const conflict = toStoreError(pgError("40P01"), "test");
    expect(isLinkpayError(conflict, "STORE_CONFLICT") && conflict.retryable).toBe(true);
    const missing = toStoreError(pgError("42P01"), "test");
    expect(isLinkpayError(missing, "CONFIG_INVALID")).toBe(true);
    const mine = new TypeError("a bug in a hook");
    expect(toStoreError(mine, "test")).toBe(mine);
  });

  it("classifies an app's own query errors the same way, for the HTTP error handler", async () => {
    const refused = await refusedConnection();
    const unavailable = classifyDatabaseError(refused);
    expect(isLinkpayError(unavailable, "STORE_UNAVAILABLE") && unavailable.status).toBe(503);
    expect(isLinkpayError(unavailable) && unavailable.cause).toBe(refused);
    expect(isLinkpayError(unavailable) && unavailable.details.operation).toBe("app query");
    const mine = new RangeError("a bug in a route");
    expect(classifyDatabaseError(mine)).toBe(mine);
  });
});
