/**
 * @module
 * A reverse proxy for the patrol's tamper suite: it stands in front of the app where shoppers
 * reach it, passes everything through unchanged, and lets a test switch on one tampering at a
 * time — what an attacker with a foot in the server would do to the pages, headers and redirects
 * shoppers receive. Start it before the app (the app's public URL is the proxy's origin), then
 * point it at the app with `setTarget`.
 */
import {
  createServer,
  request as forward,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the proxy received it (body read whole: the site's pages are small). */
export interface ProxiedRequest {
  readonly method: string;
  /** Path with query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** An answer: the app's (to rewrite) or the attacker's own. */
export interface ProxiedAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** One tampering: answer some requests itself, rewrite some answers of the app. */
export interface Tampering {
  /** An answer of the attacker's own, or undefined to let the app answer. */
  readonly answer?: ((request: ProxiedRequest) => Promise<ProxiedAnswer | undefined>) | undefined;
  /** Rewrites the app's answer (headers, HTML, a redirect's Location). */
  readonly rewrite?:
    | ((request: ProxiedRequest, answer: ProxiedAnswer) => Promise<ProxiedAnswer> | ProxiedAnswer)
    | undefined;
}

/** A running proxy. */
export interface SiteProxy {
  /** What the browser opens, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  setTarget(origin: string): void;
  /** The tampering in force from now on (undefined: pass everything through). */
  tamper(tampering: Tampering | undefined): void;
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

function send(res: ServerResponse, answer: ProxiedAnswer): void {
  const { "content-length": _, "transfer-encoding": __, ...headers } = answer.headers;
  res.writeHead(answer.status, { ...headers, "content-length": answer.body.length });
  res.end(answer.body);
}

/** HTML rewriting helper: `html` with `markup` written right after `<head>` (or `at` replaced). */
export function injectIntoHead(answer: ProxiedAnswer, markup: string): ProxiedAnswer {
  if (!String(answer.headers["content-type"] ?? "").startsWith("text/html")) return answer;
  const page = answer.body
    .toString("utf8")
    .replace(/<head(\s[^>]*)?>/i, (head) => `${head}${markup}`);
  return { ...answer, body: Buffer.from(page) };
}

/** Starts the proxy on a free loopback port. */
export async function startSiteProxy(): Promise<SiteProxy> {
  let target: URL | undefined;
  let tampering: Tampering | undefined;

  const server = createServer(async (req, res) => {
    try {
      const request: ProxiedRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: await readBody(req),
      };
      const current = tampering;
      const own = await current?.answer?.(request);
      if (own !== undefined) return send(res, own);
      if (target === undefined)
        return send(res, { status: 503, headers: {}, body: Buffer.from("no target") });
      const appAnswer = await pass(target, request);
      send(
        res,
        current?.rewrite === undefined ? appAnswer : await current.rewrite(request, appAnswer),
      );
    } catch (error) {
      send(res, {
        status: 502,
        headers: { "content-type": "text/plain" },
        body: Buffer.from(String(error)),
      });
    }
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setTarget(origin) {
      target = new URL(origin);
    },
    tamper(next) {
      tampering = next;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function pass(target: URL, request: ProxiedRequest): Promise<ProxiedAnswer> {
  const headers = { ...request.headers, host: target.host };
  // Plain bodies only, so answers can be rewritten.
  delete headers["accept-encoding"];
  return new Promise((done, fail) => {
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.path,
        headers,
      },
      async (answer) => {
        try {
          done({
            status: answer.statusCode ?? 502,
            headers: answer.headers,
            body: await readBody(answer),
          });
        } catch (error) {
          fail(error);
        }
      },
    );
    upstream.on("error", fail);
    upstream.end(request.body);
  });
}
