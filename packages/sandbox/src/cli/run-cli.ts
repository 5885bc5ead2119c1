/**
 * @module
 * Runs the CLI: starts a sandbox, or sends one operator request to a running sandbox and prints
 * the JSON answer. Returns the exit code; `serve` resolves only when the sandbox stops.
 */
import { isLinkpayError } from "@linkpay/core";
import * as z from "zod";
import { createSandbox } from "../server/create-sandbox";
import { consoleLogger } from "./console-logger";
import { parseCommand, type RemoteCommand, type ServeCommand } from "./parse-command";
import { USAGE, UsageError } from "./usage";

/** Where the CLI writes and what it reads. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  readonly stopSignal: Promise<void>;
}

const errorBody = z.object({ error: z.object({ message: z.string() }) });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function serve(command: ServeCommand, io: CliIo): Promise<number> {
  const sandbox = createSandbox({
    port: command.port,
    host: command.host,
    allowNonLoopback: command.allowNonLoopback,
    webhooks: command.webhooks,
    merchantName: command.merchantName,
    apiKey: command.apiKey,
    publicOrigin: command.publicOrigin,
    seed: command.seed,
    faults: command.faults,
    komoju: command.komoju,
    logger: consoleLogger(io.stderr),
  });
  const { origin } = await sandbox.listen();
  io.stdout(`linkpay sandbox listening on ${origin} (test mode only; not a payment provider)\n`);
  io.stdout(`KOMOJU mode at ${sandbox.komoju.baseUrl} (API: ${sandbox.komoju.baseUrl}/api/v1)\n`);
  if (command.webhooks.length === 0) {
    io.stderr("no --webhook-url given: events are only visible at GET /v1/events\n");
  }
  await io.stopSignal;
  await sandbox.close();
  return 0;
}

async function remote(command: RemoteCommand, io: CliIo): Promise<number> {
  let response: Response;
  try {
    response = await fetch(`${command.url}${command.path}`, {
      method: command.method,
      headers: { Authorization: `Bearer ${command.apiKey}`, "Content-Type": "application/json" },
      ...(command.body === undefined ? {} : { body: JSON.stringify(command.body) }),
    });
  } catch (error) {
    io.stderr(
      `cannot reach the sandbox at ${command.url}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const text = await response.text();
  if (!response.ok) {
    const stripeError = errorBody.safeParse(parseJson(text));
    io.stderr(
      `sandbox answered ${response.status}: ${stripeError.success ? stripeError.data.error.message : text}\n`,
    );
    return 1;
  }
  io.stdout(`${JSON.stringify(parseJson(text), null, 2)}\n`);
  return 0;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv, io.env);
    if (command.kind === "help") {
      io.stdout(USAGE);
      return 0;
    }
    return command.kind === "serve" ? await serve(command, io) : await remote(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`linkpay-sandbox: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isLinkpayError(error, "CONFIG_INVALID")) {
      io.stderr(`linkpay-sandbox: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
