/**
 * @module
 * Runs one suite on both engines: a SQLite file in a temporary directory, and a throwaway
 * PostgreSQL database (see postgres.ts for how that is found, skipped or failed).
 */
import { afterAll, describe } from "@jest/globals";
import type { SqlDialectName } from "../config/connection-url";
import { describePostgres } from "../testing/postgres";
import { sqliteUrl, tempDir } from "./temp-dir";

/** The database a suite runs against. */
export interface TestEngine {
  readonly dialect: SqlDialectName;
  /** The suite's database (one SQLite file, or one PostgreSQL database). */
  url(): string;
}

/** Registers `body` once per engine. */
export function describeEachEngine(name: string, body: (engine: TestEngine) => void): void {
  describe(`${name} (SQLite file)`, () => {
    const dir = tempDir("suite");
    afterAll(() => dir.remove());
    body({ dialect: "sqlite", url: () => sqliteUrl(dir.path) });
  });
  describePostgres(`${name} (PostgreSQL)`, (database) => {
    body({ dialect: "postgres", url: () => database.url });
  });
}
