/**
 * @module
 * Named prepared statements for the store's hot path on PostgreSQL. Kysely's driver sends every
 * query unnamed, so the server parses and plans it on every call; the pool handed to Kysely here
 * sends the SQL texts the store registered (its few webhook statements, see statement-runner)
 * under a name instead, which the server parses and plans once per connection. Everything else
 * (the merchant's queries, migrations, reads) goes through unchanged.
 */
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type { Pool, PoolClient } from "pg";

/** Statement names by SQL text, filled as the store first runs each hot-path statement. */
export type StatementNames = Map<string, string>;

/** A name for `sql`, registered on first use (names are per store, so per pool). */
export function statementName(names: StatementNames, sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `linkpay_${names.size + 1}`;
    names.set(sql, name);
  }
  return name;
}

/** `pool` as Kysely's driver sees it, running registered statements by name. */
export function namingPool(pool: Pool, names: StatementNames): PostgresPool {
  const clients = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => {
    // What Kysely passes: SQL text and values, or a cursor (streaming), which passes through.
    const query = (text: unknown, parameters?: readonly unknown[]): unknown => {
      const name = typeof text === "string" ? names.get(text) : undefined;
      if (name === undefined) return Reflect.apply(client.query, client, [text, parameters]);
      return client.query({ name, text: text as string, values: parameters as unknown[] });
    };
    return {
      query: query as PostgresPoolClient["query"],
      release: (destroy) => client.release(destroy),
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (wrapped === undefined) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
