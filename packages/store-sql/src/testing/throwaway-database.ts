/**
 * @module
 * Throwaway PostgreSQL databases for tests and the benchmark: a random name, created on the
 * server named by `LINKPAY_TEST_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`)
 * and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import { loadDriver } from "../engines/load-driver";

/** The environment variable naming the test server. */
export const TEST_DATABASE_URL_VARIABLE = "LINKPAY_TEST_DATABASE_URL";
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server's admin connection string (a database the tests may create others from). */
export function adminUrl(): string {
  return process.env[TEST_DATABASE_URL_VARIABLE] || DEFAULT_URL;
}

/** A database created for one suite. */
export class ThrowawayDatabase {
  readonly name = `linkpay_test_${randomBytes(6).toString("hex")}`;
  #created = false;

  /** The connection string of this database. */
  get url(): string {
    if (!this.#created) {
      throw new Error("Call create() first (describePostgres does it in beforeAll)");
    }
    const url = new URL(adminUrl());
    url.pathname = `/${this.name}`;
    return url.toString();
  }

  /** The same database reached through another host and port (a proxy). */
  urlVia(host: string, port: number): string {
    const url = new URL(this.url);
    url.hostname = host;
    url.port = String(port);
    return url.toString();
  }

  async #admin<T>(work: (db: Kysely<object>) => Promise<T>): Promise<T> {
    const { Pool } = loadDriver<typeof import("pg")>("pg");
    const db = new Kysely<object>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: adminUrl(), max: 1 }) }),
    });
    try {
      return await work(db);
    } finally {
      await db.destroy();
    }
  }

  /** Creates the database. */
  async create(): Promise<void> {
    await this.#admin((db) => sql`create database ${sql.id(this.name)}`.execute(db));
    this.#created = true;
  }

  /** Drops the database, disconnecting anyone still on it. */
  async drop(): Promise<void> {
    if (!this.#created) return;
    await this.#admin((db) =>
      sql`drop database if exists ${sql.id(this.name)} with (force)`.execute(db),
    );
  }
}
