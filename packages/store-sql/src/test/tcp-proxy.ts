/**
 * @module
 * A loopback TCP proxy for fault tests: the store connects through it, and the test cuts every
 * connection, refuses new ones (as a server that is down) or restores it — without touching the
 * shared PostgreSQL server other suites use.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

/** A running proxy and its controls. */
export interface TcpProxy {
  readonly host: string;
  readonly port: number;
  /** Connections accepted since start. */
  readonly accepted: number;
  /** Drops every open connection (both sides); new ones are still accepted. */
  cut(): void;
  /** Drops every connection and stops listening: connects are refused, as when a server is down. */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

/** Starts a proxy on a free loopback port forwarding to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    accepted++;
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const port = await listen(server, 0);
  const cut = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      cut();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return {
    host: "127.0.0.1",
    port,
    get accepted() {
      return accepted;
    },
    cut,
    refuse: stop,
    restore: async () => {
      if (!server.listening) await listen(server, port);
    },
    close: stop,
  };
}
