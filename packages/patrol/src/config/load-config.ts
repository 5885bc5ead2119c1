/**
 * @module
 * Reads the configuration file, validates it and resolves its secrets and paths. Every problem is
 * a `CONFIG_INVALID` LinkpayError whose message names the key and says how to fix it; a secret's
 * value never appears in an error.
 */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { LinkpayError } from "@linkpay/core";
import type * as z from "zod";
import { type PatrolConfigSpec, patrolConfigSchema, type SecretRef } from "./patrol-config";

/** The configuration, validated, with secrets resolved and paths absolute. */
export interface PatrolConfig
  extends Omit<PatrolConfigSpec, "provider" | "alerts" | "cspReports" | "manifest"> {
  readonly provider: ResolvedProviderSpec;
  readonly alerts: readonly ResolvedAlertSpec[];
  readonly cspReports?: { readonly url: string; readonly token: string } | undefined;
  readonly manifest?:
    | {
        readonly root: string;
        readonly file: string;
        readonly include?: readonly string[] | undefined;
        readonly exclude?: readonly string[] | undefined;
      }
    | undefined;
}

/** The payment provider the patrol asks about sessions, with its key resolved. */
export type ResolvedProviderSpec =
  | {
      readonly type: "stripe";
      readonly secretKey: string;
      readonly apiBaseUrl?: string | undefined;
      readonly checkoutOrigins?: readonly string[] | undefined;
      readonly expireSessions: boolean;
    }
  | {
      readonly type: "komoju";
      readonly secretKey: string;
      readonly apiBaseUrl?: string | undefined;
      readonly checkoutBaseUrl?: string | undefined;
      readonly expireSessions: boolean;
    };

/** An alert sink with its secrets resolved. */
export type ResolvedAlertSpec =
  | { readonly type: "log" }
  | { readonly type: "webhook"; readonly url: string; readonly secret: string }
  | {
      readonly type: "email";
      readonly url: string;
      readonly from: string;
      readonly to: string | string[];
    };

function invalid(field: string, message: string): LinkpayError {
  return new LinkpayError("CONFIG_INVALID", `patrol config: ${field}: ${message}`, {
    details: { field },
  });
}

/** `journeys[0].steps[2]` from a zod issue path. */
function keyOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

function describeIssues(error: z.ZodError): LinkpayError {
  const lines = error.issues.map((issue) => `${keyOf(issue.path) || "(file)"}: ${issue.message}`);
  const first = error.issues[0];
  return new LinkpayError("CONFIG_INVALID", `patrol config is invalid:\n  ${lines.join("\n  ")}`, {
    details: { field: first === undefined ? "" : keyOf(first.path) },
  });
}

/** Options of {@link parsePatrolConfig}. */
export interface ParseConfigOptions {
  /** The directory relative paths are resolved against (the config file's). */
  readonly baseDir: string;
  /** Environment variables for `{ "env": … }` secrets (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/** Validates an already-parsed configuration object and resolves its secrets and paths. */
export function parsePatrolConfig(input: unknown, options: ParseConfigOptions): PatrolConfig {
  const parsed = patrolConfigSchema.safeParse(input);
  if (!parsed.success) throw describeIssues(parsed.error);
  const spec = parsed.data;
  const env = options.env ?? process.env;
  const path = (value: string) => (isAbsolute(value) ? value : resolve(options.baseDir, value));
  const secret = (ref: SecretRef, field: string): string => {
    if ("env" in ref) {
      const value = env[ref.env];
      if (value === undefined || value.trim() === "") {
        throw invalid(field, `the environment variable ${ref.env} is not set`);
      }
      return value.trim();
    }
    try {
      const value = readFileSync(path(ref.file), "utf8").trim();
      if (value === "") throw invalid(field, `the file ${ref.file} is empty`);
      return value;
    } catch (error) {
      if (error instanceof LinkpayError) throw error;
      throw invalid(
        field,
        `cannot read the file ${ref.file} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
  };
  return {
    ...spec,
    stateDir: path(spec.stateDir),
    provider: {
      ...spec.provider,
      secretKey: secret(spec.provider.secretKey, "provider.secretKey"),
    },
    alerts: spec.alerts.map((alert, index): ResolvedAlertSpec => {
      if (alert.type === "webhook")
        return { ...alert, secret: secret(alert.secret, `alerts[${index}].secret`) };
      if (alert.type === "email")
        return { ...alert, url: secret(alert.url, `alerts[${index}].url`) };
      return alert;
    }),
    cspReports:
      spec.cspReports === undefined
        ? undefined
        : { url: spec.cspReports.url, token: secret(spec.cspReports.token, "cspReports.token") },
    manifest:
      spec.manifest === undefined
        ? undefined
        : { ...spec.manifest, root: path(spec.manifest.root), file: path(spec.manifest.file) },
  };
}

/** Reads, validates and resolves the configuration file at `file`. */
export function readPatrolConfig(file: string, env?: NodeJS.ProcessEnv): PatrolConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw invalid(
      "(file)",
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw invalid("(file)", `${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePatrolConfig(input, { baseDir: dirname(resolve(file)), env });
}
