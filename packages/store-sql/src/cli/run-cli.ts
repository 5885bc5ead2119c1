/**
 * @module
 * `linkpay-migrate`: applies or lists linkpay's migrations, and purges old raw payloads.
 *
 *     linkpay-migrate up     --url <connection string> [--prefix linkpay_]
 *     linkpay-migrate status --url <connection string> [--prefix linkpay_]
 *     linkpay-migrate purge-payloads --url <connection string> [--prefix …] [--days 90]
 *
 * `--url` defaults to `$LINKPAY_DATABASE_URL`. Passwords are never printed.
 */
import { parseArgs } from "node:util";
import { isLinkpayError } from "@linkpay/core";
import { redactConnectionUrl } from "../config/connection-url";
import { createSqlStore, type SqlStore } from "../store/sql-store";

/** Where the CLI writes. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: linkpay-migrate <up|status|purge-payloads> --url <connection string> [--prefix linkpay_] [--days N]
  --url defaults to $LINKPAY_DATABASE_URL (sqlite:./data/app.db, postgres://user@host/db)`;

async function command(name: string, store: SqlStore, days: number | null, io: CliOutput) {
  if (name === "up") {
    const { applied } = await store.migrate();
    if (applied.length === 0) io.out("already up to date");
    for (const migration of applied) io.out(`applied ${migration}`);
    return;
  }
  if (name === "status") {
    for (const state of await store.migrationStatus()) {
      const when = state.appliedAt?.toISOString() ?? "-";
      const label = state.appliedAt === null ? "pending" : state.known ? "applied" : "unknown";
      io.out(`${label.padEnd(8)} ${when.padEnd(24)} ${state.name}`);
    }
    return;
  }
  const olderThan = days === null ? undefined : new Date(Date.now() - days * 86_400_000);
  io.out(`purged ${await store.purgeRawPayloads({ olderThan })} raw payloads`);
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliOutput,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [name, ...extra] = parsed.positionals;
  const url = parsed.values.url ?? env.LINKPAY_DATABASE_URL;
  const days = parsed.values.days === undefined ? null : Number(parsed.values.days);
  const known = name === "up" || name === "status" || name === "purge-payloads";
  if (!known || extra.length > 0 || !url || (days !== null && !(days >= 0))) {
    io.err(USAGE);
    return 2;
  }
  let store: SqlStore | undefined;
  try {
    store = createSqlStore({ url, tablePrefix: parsed.values.prefix });
    io.out(
      `database: ${redactConnectionUrl(url)} (${store.dialect}, prefix "${store.tablePrefix}")`,
    );
    await command(name, store, days, io);
    return 0;
  } catch (error) {
    io.err(isLinkpayError(error) ? `${error.code}: ${error.message}` : String(error));
    return 1;
  } finally {
    await store?.close();
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: "string" },
      prefix: { type: "string" },
      days: { type: "string" },
    },
  });
}
