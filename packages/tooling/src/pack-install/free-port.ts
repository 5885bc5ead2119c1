/**
 * @module
 * A free loopback port, for a server whose address another process must know before it starts
 * (the sandbox is told the app's webhook URL at start-up).
 */
import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}
