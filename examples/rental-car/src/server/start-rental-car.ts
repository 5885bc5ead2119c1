/**
 * @module
 * The composition root: database and migrations, the payment provider (or the sandbox), linkpay,
 * the web app, the reconciliation loop and the outbox sender; and a clean shutdown of all of it.
 * `main.ts` and the end-to-end tests start the app through here, so they run the same wiring.
 */

import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import { createPayments, type Payments, startReconcileRunner } from "@linkpay/core";
import { createLogger, type LinkpayLogger } from "@linkpay/express";
import type { Sandbox, SandboxOptions } from "@linkpay/sandbox";
import type { Kysely, SqlTransactionHandle } from "@linkpay/store-sql";
import { createSqlStore, type SqlStore } from "@linkpay/store-sql";
import { bookingHooks } from "../bookings/booking-hooks";
import { bookingLinks } from "../bookings/booking-reference";
import type { AppConfig } from "../config/config";
import type { PaymentProviderName } from "../config/provider-config";
import { createConsoleApp } from "../console/console-app";
import { migrateApp } from "../db/app-migrations";
import type { AppTables } from "../db/app-tables";
import { syncFleet } from "../inventory/inventory";
import { startOutboxSender } from "../mail/outbox-sender";
import { type AppDeps, bookingHref } from "../web/app-deps";
import { createApp } from "../web/create-app";
import { setUpProvider } from "./payment-provider";
import { openRateLimitStores, type RateLimitStores } from "./rate-limit-stores";
import { ensureSqliteDirectory } from "./sqlite-directory";

/** Options of {@link startRentalCar}. */
export interface StartOptions {
  readonly config: AppConfig;
  readonly logger?: LinkpayLogger | undefined;
  readonly now?: (() => Date) | undefined;
  /** Overrides for a sandbox started in-process (tests: fast retries, a fixed clock). */
  readonly sandbox?: Partial<SandboxOptions> | undefined;
  readonly rateLimits?: AppDeps["rateLimits"];
}

/** A running app. */
export interface RentalCar {
  /** The origin shoppers open. */
  readonly url: string;
  readonly port: number;
  /** Who takes the payments (`PAYMENT_PROVIDER`): `stripe` or `komoju`. */
  readonly paymentProvider: PaymentProviderName;
  /** The in-process sandbox (in that provider's mode), when no keys were configured. */
  readonly sandbox: Sandbox | undefined;
  /** The sandbox's API key, for its operator endpoints (undefined with keys configured). */
  readonly sandboxKey: string | undefined;
  readonly store: SqlStore;
  readonly db: Kysely<AppTables>;
  readonly payments: Payments<SqlTransactionHandle>;
  /** Where rate limits count: shared (`redis`, `database`) or per process (`memory`). */
  readonly rateLimitStore: RateLimitStores["kind"];
  /** The staff console's origin (its own port). */
  readonly consoleUrl: string;
  /** Stops the loops, the server, the sandbox and the database, in that order. */
  close(): Promise<void>;
}

/** Starts everything; resolves once the app accepts requests. */
export async function startRentalCar(options: StartOptions): Promise<RentalCar> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ name: "rental-car" });
  const now = options.now ?? (() => new Date());

  ensureSqliteDirectory(config.databaseUrl);
  const store = createSqlStore({
    url: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  const server = createServer();
  const consoleServer = createServer();
  let sandbox: Sandbox | undefined;
  let rateLimitStores: RateLimitStores | undefined;
  const stops: (() => Promise<void> | void)[] = [];
  try {
    await store.migrate();
    await migrateApp(store.db, store.dialect);
    const db = store.db.withTables<AppTables>();
    await syncFleet(db);
    rateLimitStores = await openRateLimitStores({
      redisUrl: config.redisUrl,
      databaseUrl: config.databaseUrl,
      sqlStore: store,
      logger,
    });
    logger.info(
      { rateLimitStore: rateLimitStores.kind },
      rateLimitStores.kind === "memory"
        ? "rate limits count in this process's memory (one instance only)"
        : "rate limits count in a store every instance shares",
    );

    server.listen(config.port, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const port = address.port;
    const publicBaseUrl =
      config.port === 0 && config.publicBaseUrl.endsWith(":0")
        ? `http://localhost:${port}`
        : config.publicBaseUrl;

    const setup = await setUpProvider(config, `http://127.0.0.1:${port}`, options.sandbox);
    sandbox = setup.sandbox;
    const secret = config.sessionSecret ?? randomBytes(32).toString("base64url");
    const links = { returnLinks: bookingLinks(secret), publicBaseUrl };
    const payments = createPayments({
      providers: [setup.provider],
      store,
      urls: {
        success: ({ orderRef }) =>
          bookingHref(links, orderRef, { absolute: true, suffix: "/return" }),
        cancel: ({ orderRef }) => bookingHref(links, orderRef, { absolute: true, canceled: true }),
      },
      hooks: bookingHooks({
        bookingLink: (reference) => bookingHref(links, reference, { absolute: true }),
        now,
      }),
      logger,
      allowInsecureLocalhost: setup.localCheckout,
      now,
    });
    const app = createApp({
      db,
      payments,
      cspReports: store,
      patrolFeedTokens: config.patrolFeedTokens,
      logger,
      publicBaseUrl,
      secret,
      returnLinks: links.returnLinks,
      sandbox: sandbox !== undefined,
      production: config.production,
      mailBySmtp: config.smtpUrl !== undefined,
      trustProxy: config.trustProxy,
      now,
      rateLimits: options.rateLimits,
      rateLimitStore: rateLimitStores.storeFor,
    });
    server.on("request", app);

    consoleServer.listen(config.consolePort, "127.0.0.1");
    await once(consoleServer, "listening");
    const consoleAddress = consoleServer.address();
    if (consoleAddress === null || typeof consoleAddress === "string")
      throw new Error("no TCP address");
    const consoleUrl =
      config.consolePort === 0 && config.consolePublicUrl.endsWith(":0")
        ? `http://localhost:${consoleAddress.port}`
        : config.consolePublicUrl;
    consoleServer.on(
      "request",
      createConsoleApp({
        db,
        payments,
        signInLimits: store,
        logger: logger.child({ app: "console" }),
        publicOrigin: consoleUrl,
        secret,
        allowedIps: config.adminAllowedIps,
        totpIssuer: "Linkpay Rent-a-Car",
        now,
      }),
    );

    if (config.reconcileIntervalSeconds > 0) {
      const runner = startReconcileRunner({
        payments,
        logger,
        intervalSeconds: config.reconcileIntervalSeconds,
        // Webhooks usually arrive in seconds; ask the provider about what stayed open longer.
        reconcile: {
          olderThanSeconds: config.reconcileAfterSeconds,
          leaseSeconds: config.reconcileLeaseSeconds,
        },
      });
      stops.push(() => runner.stop());
    }
    stops.push(startOutboxSender({ db, logger, smtpUrl: config.smtpUrl, now }));

    return {
      url: publicBaseUrl,
      port,
      paymentProvider: config.paymentProvider,
      sandbox,
      sandboxKey: setup.sandboxKey,
      store,
      db,
      payments,
      rateLimitStore: rateLimitStores.kind,
      consoleUrl,
      async close() {
        for (const stop of stops.splice(0)) await stop();
        for (const listening of [server, consoleServer]) {
          listening.closeAllConnections();
          await new Promise<void>((resolve) => listening.close(() => resolve()));
        }
        await rateLimitStores?.close();
        await sandbox?.close();
        await store.close();
      },
    };
  } catch (error) {
    for (const stop of stops.splice(0)) await stop();
    if (server.listening) server.close();
    if (consoleServer.listening) consoleServer.close();
    await rateLimitStores?.close();
    await sandbox?.close();
    await store.close();
    throw error;
  }
}
