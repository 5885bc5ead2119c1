/**
 * @module
 * A tampering proxy for browser tests: it stands in front of the app, as an attacker with a foot
 * in the server would, and writes extra markup into every HTML page while leaving the app's
 * headers (its Content-Security-Policy among them) as they are. Over TLS it terminates https with
 * the given throwaway certificate and tells the app so with `X-Forwarded-Proto`, as a real
 * TLS-terminating proxy does. It remembers the Content-Type of each CSP report that passes through,
 * so a test can tell which reporting mechanism the browser used.
 */
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";

/** Options of {@link startTamperingProxy}. */
export interface TamperingProxyOptions {
  /** The app's origin, e.g. `http://127.0.0.1:3000`. */
  readonly target: string;
  /** Markup written right after `<head>` of every HTML page. */
  readonly inject: string;
  /** Serve https with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string } | undefined;
}

/** A running proxy. */
export interface TamperingProxy {
  /** What the browser opens, e.g. `https://127.0.0.1:41234`. */
  readonly origin: string;
  /** The Content-Type of every `POST /csp-reports` so far. */
  readonly reportTypes: string[];
  close(): Promise<void>;
}

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    message.on("data", (chunk: Buffer) => chunks.push(chunk));
    message.on("end", () => done(Buffer.concat(chunks)));
    message.on("error", fail);
  });
}

/** Starts the proxy on a free loopback port. */
export async function startTamperingProxy(options: TamperingProxyOptions): Promise<TamperingProxy> {
  const target = new URL(options.target);
  const reportTypes: string[] = [];
  const protocol = options.tls === undefined ? "http" : "https";

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "POST" && req.url === "/csp-reports") {
      reportTypes.push(req.headers["content-type"] ?? "");
    }
    const headers = { ...req.headers, "x-forwarded-proto": protocol };
    // Plain bodies only, so the page can be rewritten.
    delete headers["accept-encoding"];
    const upstream = forward(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      async (answer) => {
        const type = answer.headers["content-type"] ?? "";
        if (!type.startsWith("text/html")) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const page = (await readBody(answer)).toString("utf8");
        const tampered = page.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${options.inject}`);
        const { "content-length": _, ...rest } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, {
          ...rest,
          "content-length": Buffer.byteLength(tampered),
        });
        res.end(tampered);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  };

  const server: Server =
    options.tls === undefined ? createServer(handler) : createTlsServer(options.tls, handler);
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${protocol}://127.0.0.1:${port}`,
    reportTypes,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
