/**
 * @module
 * Parses the command line (node:util `parseArgs`) into one command, or a {@link UsageError}.
 */
import { parseArgs } from "node:util";
import { type GlobalFaults, globalFaultsSchema } from "../faults/fault-settings";
import { UsageError } from "./usage";

/** Options of the `serve` command, as given. */
export interface ServeCommand {
  readonly kind: "serve";
  readonly port: number;
  readonly host: string;
  readonly allowNonLoopback: boolean;
  readonly webhooks: readonly { readonly url: string; readonly secret: string }[];
  readonly merchantName: string | undefined;
  readonly apiKey: string | undefined;
  readonly publicOrigin: string | undefined;
  readonly seed: number | undefined;
  readonly faults: GlobalFaults | undefined;
  /** The KOMOJU mode's key and webhook endpoints. */
  readonly komoju: {
    readonly secretKey: string | undefined;
    readonly webhooks: readonly { readonly url: string; readonly secret: string }[];
  };
}

/** A request to a running sandbox's operator endpoints. */
export interface RemoteCommand {
  readonly kind: "remote";
  readonly method: "GET" | "POST";
  /** Path under the sandbox origin, e.g. `/_sandbox/sessions`. */
  readonly path: string;
  readonly body: unknown;
  readonly url: string;
  readonly apiKey: string;
}

/** What the command line asks for. */
export type Command = ServeCommand | RemoteCommand | { readonly kind: "help" };

const DEFAULT_URL = "http://127.0.0.1:4242";
const DEFAULT_KEY = "sk_test_linkpay_sandbox_cli";

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  "allow-non-loopback": { type: "boolean" },
  "webhook-url": { type: "string", multiple: true },
  "webhook-secret": { type: "string", multiple: true },
  "komoju-webhook-url": { type: "string", multiple: true },
  "komoju-webhook-secret": { type: "string", multiple: true },
  "komoju-secret-key": { type: "string" },
  "merchant-name": { type: "string" },
  "api-key": { type: "string" },
  "public-origin": { type: "string" },
  seed: { type: "string" },
  faults: { type: "string" },
  url: { type: "string" },
  json: { type: "string" },
  session: { type: "string" },
  event: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function integer(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

function json(value: string | undefined, name: string): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new UsageError(`--${name} must be JSON, e.g. '{"duplicate":2}'`);
  }
}

function faultsOption(value: string | undefined): GlobalFaults | undefined {
  const input = json(value, "faults");
  if (input === undefined) return undefined;
  const parsed = globalFaultsSchema.safeParse(input);
  if (!parsed.success)
    throw new UsageError(`--faults: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** Pairs `--<prefix>webhook-url`s with their secrets (the env's one secret fills in for all). */
function webhookPairs(
  urls: readonly string[],
  secrets: readonly string[] | undefined,
  envSecret: string | undefined,
  prefix: string,
): { url: string; secret: string }[] {
  const given = secrets ?? (envSecret === undefined ? [] : [envSecret]);
  if (urls.length !== given.length) {
    throw new UsageError(
      `give one --${prefix}webhook-secret for each --${prefix}webhook-url (in the same order)`,
    );
  }
  return urls.map((url, index) => ({ url, secret: given[index] ?? "" }));
}

function argument(positionals: readonly string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined || value === "") throw new UsageError(`missing ${what}`);
  return encodeURIComponent(value);
}

/** Parses `argv` (without `node` and the script) with `env` for defaults. */
export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [name = "serve", ...rest] = positionals;
  if (values.help === true || name === "help") return { kind: "help" };
  const apiKey = values["api-key"] ?? env.LINKPAY_SANDBOX_API_KEY;
  if (name === "serve") {
    const webhooks = webhookPairs(
      values["webhook-url"] ?? [],
      values["webhook-secret"],
      env.LINKPAY_SANDBOX_WEBHOOK_SECRET,
      "",
    );
    const komojuWebhooks = webhookPairs(
      values["komoju-webhook-url"] ?? [],
      values["komoju-webhook-secret"],
      env.LINKPAY_SANDBOX_KOMOJU_WEBHOOK_SECRET,
      "komoju-",
    );
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    return {
      kind: "serve",
      port: integer(values.port, "port", 4242) ?? 4242,
      host: values.host ?? "127.0.0.1",
      allowNonLoopback: values["allow-non-loopback"] ?? false,
      webhooks,
      merchantName: values["merchant-name"],
      apiKey,
      publicOrigin: values["public-origin"],
      seed: integer(values.seed, "seed"),
      faults: faultsOption(values.faults),
      komoju: {
        secretKey: values["komoju-secret-key"] ?? env.LINKPAY_SANDBOX_KOMOJU_SECRET_KEY,
        webhooks: komojuWebhooks,
      },
    };
  }
  const remote = {
    url: (values.url ?? DEFAULT_URL).replace(/\/+$/, ""),
    apiKey: apiKey ?? DEFAULT_KEY,
  };
  switch (name) {
    case "sessions":
      return {
        kind: "remote",
        method: "GET",
        path: "/_sandbox/sessions",
        body: undefined,
        ...remote,
      };
    case "expire":
      return {
        kind: "remote",
        method: "POST",
        path: `/_sandbox/sessions/${argument(rest, 0, "<session_id>")}/expire`,
        body: {},
        ...remote,
      };
    case "konbini": {
      const outcome = rest[0];
      if (outcome !== "paid" && outcome !== "expired")
        throw new UsageError('konbini needs "paid" or "expired"');
      const id = argument(rest, 1, "<session_id>");
      return {
        kind: "remote",
        method: "POST",
        path: `/_sandbox/sessions/${id}/konbini/${outcome}`,
        body: {},
        ...remote,
      };
    }
    case "deliveries": {
      const query = new URLSearchParams();
      if (values.session !== undefined) query.set("session_id", values.session);
      if (values.event !== undefined) query.set("event_id", values.event);
      const search = query.size > 0 ? `?${query}` : "";
      return {
        kind: "remote",
        method: "GET",
        path: `/_sandbox/deliveries${search}`,
        body: undefined,
        ...remote,
      };
    }
    case "resend":
      return {
        kind: "remote",
        method: "POST",
        path: `/_sandbox/deliveries/${argument(rest, 0, "<delivery_id>")}/resend`,
        body: {},
        ...remote,
      };
    case "faults": {
      const body = json(values.json, "json");
      const path =
        values.session === undefined
          ? "/_sandbox/faults"
          : `/_sandbox/sessions/${encodeURIComponent(values.session)}/faults`;
      if (body === undefined && values.session !== undefined)
        throw new UsageError("faults --session needs --json");
      return { kind: "remote", method: body === undefined ? "GET" : "POST", path, body, ...remote };
    }
    case "komoju":
      return komojuCommand(rest, remote);
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}

/** `komoju sessions` / `komoju expire <id>` / `komoju konbini paid|expired <id>` / `komoju ping`. */
function komojuCommand(
  rest: readonly string[],
  remote: Pick<RemoteCommand, "url" | "apiKey">,
): RemoteCommand {
  const post = (path: string): RemoteCommand => ({
    kind: "remote",
    method: "POST",
    path: `/_sandbox/komoju${path}`,
    body: {},
    ...remote,
  });
  switch (rest[0]) {
    case "sessions":
      return {
        kind: "remote",
        method: "GET",
        path: "/_sandbox/komoju/sessions",
        body: undefined,
        ...remote,
      };
    case "expire":
      return post(`/sessions/${argument(rest, 1, "<session_id>")}/expire`);
    case "konbini": {
      const outcome = rest[1];
      if (outcome !== "paid" && outcome !== "expired")
        throw new UsageError('komoju konbini needs "paid" or "expired"');
      return post(`/sessions/${argument(rest, 2, "<session_id>")}/konbini-${outcome}`);
    }
    case "ping":
      return post("/ping");
    default:
      throw new UsageError('komoju needs "sessions", "expire", "konbini" or "ping"');
  }
}
