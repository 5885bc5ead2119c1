/**
 * @module
 * `npm run console:create-manager -- --email <address> --name <name>`: creates the first manager
 * account (there is no default account) and prints its one-time set-up link. Once a manager
 * exists, further accounts are invited from the console; run again for the same invited address,
 * the command prints a new link (the earlier one stops working).
 */
import { parseArgs } from "node:util";
import { createSqlStore } from "@linkpay/store-sql";
import { ConfigError, loadConfig } from "../config/config";
import { migrateApp } from "../db/app-migrations";
import type { AppTables } from "../db/app-tables";
import { ensureSqliteDirectory } from "../server/sqlite-directory";
import { recordStaffAction } from "./audit-log";
import {
  ENROLMENT_HOURS,
  findStaffByEmail,
  inviteStaff,
  renewEnrolment,
  StaffError,
} from "./staff-accounts";

const USAGE = 'usage: npm run console:create-manager -- --email you@example.com --name "Your Name"';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (values.email === undefined || values.name === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(process.env);
  ensureSqliteDirectory(config.databaseUrl);
  const store = createSqlStore({ url: config.databaseUrl });
  try {
    await store.migrate();
    await migrateApp(store.db, store.dialect);
    const db = store.db.withTables<AppTables>();
    const now = new Date();
    const existing = await findStaffByEmail(db, values.email);
    let token: string;
    if (existing?.role === "manager" && existing.status === "invited") {
      token = await renewEnrolment(db, existing.id, now);
    } else {
      const managers = await db
        .selectFrom("rc_staff")
        .select("email")
        .where("role", "=", "manager")
        .execute();
      if (managers.length > 0) {
        process.stderr.write(
          "A manager account already exists: invite further accounts from the console (Staff).\n",
        );
        return 1;
      }
      ({ enrolmentToken: token } = await inviteStaff(db, {
        email: values.email,
        name: values.name,
        role: "manager",
        now,
      }));
    }
    await recordStaffAction(db, {
      staffId: null,
      staffEmail: "command:console:create-manager",
      action: "create_first_manager",
      target: values.email.trim().toLowerCase(),
      ip: "local",
      at: now,
    });
    const link = new URL(`/enrol/${token}`, config.consolePublicUrl).href;
    process.stdout.write(
      [
        "",
        `  Manager account for ${values.email.trim().toLowerCase()} created.`,
        `  Open this link once, within ${ENROLMENT_HOURS} hours, to choose a password and set up`,
        "  an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…):",
        "",
        `  ${link}`,
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof StaffError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `The account could not be created: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    process.exit(1);
  },
);
