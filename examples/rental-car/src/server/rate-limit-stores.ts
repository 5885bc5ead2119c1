/**
 * @module
 * Where the app's rate limits count hits, so that every instance counts in the same place:
 * Redis when `REDIS_URL` is set; otherwise the database when it is PostgreSQL (the SQL store's
 * `rate_limits` table); otherwise (SQLite, one instance) each limiter's own memory.
 */
import type { RateLimitStore } from "@linkpay/core";
import type { LinkpayLogger, RateLimitOptions } from "@linkpay/express";
import { RedisStore } from "rate-limit-redis";
import { createClient } from "redis";

/** A limiter's store by its name; undefined: the limiter counts in its own memory. */
export type RateLimitStoreFor = (limiter: string) => RateLimitOptions["store"];

/** The stores the app's limiters count in, and how to let go of them. */
export interface RateLimitStores {
  /** Where the limits count: `redis`, `database` or `memory`. */
  readonly kind: "redis" | "database" | "memory";
  readonly storeFor: RateLimitStoreFor;
  close(): Promise<void>;
}

/** Opens the rate-limit stores for these settings; a Redis that does not answer stops the start. */
export async function openRateLimitStores(input: {
  readonly redisUrl: string | undefined;
  readonly databaseUrl: string;
  readonly sqlStore: RateLimitStore;
  readonly logger: LinkpayLogger;
}): Promise<RateLimitStores> {
  if (input.redisUrl !== undefined) return openRedis(input.redisUrl, input.logger);
  if (/^postgres(ql)?:\/\//.test(input.databaseUrl)) {
    return { kind: "database", storeFor: () => input.sqlStore, close: async () => undefined };
  }
  return { kind: "memory", storeFor: () => undefined, close: async () => undefined };
}

async function openRedis(url: string, logger: LinkpayLogger): Promise<RateLimitStores> {
  let connected = false;
  const client = createClient({
    url,
    // A command while Redis is away fails at once (the request gets 503) instead of waiting.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      // Give up on a first connection that fails (the start reports it); reconnect later ones.
      // A new Error of this module's own: the socket's may come from another realm (jest's).
      reconnectStrategy: (retries, cause) =>
        connected ? Math.min(100 * 2 ** retries, 5_000) : new Error(cause.message, { cause }),
    },
  });
  client.on("error", (error: unknown) => {
    if (connected) logger.warn({ err: error }, "Redis for rate limits is unreachable; retrying");
  });
  try {
    await client.connect();
  } catch (error) {
    client.destroy();
    throw new Error(
      `REDIS_URL: cannot connect to Redis for rate limits (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  connected = true;
  return {
    kind: "redis",
    storeFor: (limiter) =>
      new RedisStore({
        prefix: `linkpay:rl:${limiter}:`,
        sendCommand: (...args: string[]) => client.sendCommand(args),
      }),
    async close() {
      connected = false;
      await client.close();
    },
  };
}
