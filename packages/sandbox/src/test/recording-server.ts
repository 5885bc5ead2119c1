/**
 * @module
 * A loopback HTTP endpoint for tests that records what each request brought (as the caller's
 * `record` reads it), answers with the status `record` chose, and lets a test wait for a number of
 * requests (polling with a deadline that throws, never a fixed sleep). The Stripe and the KOMOJU
 * webhook receivers are built on it.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";

/** One recorded request; `status` is what the endpoint answered. */
export interface Recorded {
  readonly status: number;
}

/** A running recording server. */
export interface RecordingServer<T extends Recorded> {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request recorded, in arrival order. */
  readonly received: T[];
  /** Resolves once `count` requests arrived; throws after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the server on 127.0.0.1; `record` turns a request (its raw body read) into an entry. */
export async function startRecordingServer<T extends Recorded>(
  record: (rawBody: string, req: IncomingMessage, index: number) => T,
): Promise<RecordingServer<T>> {
  const received: T[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer(async (req, res) => {
    const entry = record(await readBody(req), req, received.length + 1);
    received.push(entry);
    res.writeHead(entry.status, { "Content-Type": "application/json" }).end('{"received":true}');
    for (const wake of waiters.splice(0)) wake();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    received,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} webhooks, got ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
