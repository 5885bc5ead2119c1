/**
 * @module
 * Sanity checks on configured webhook secrets, run before any verification.
 */
import { LinkpayError } from "../errors";

/**
 * Returns the secrets as a non-empty list, or throws CONFIG_INVALID naming `label` (never the secret).
 *
 * Refused: an empty list, a non-string entry (often an unset environment variable), an empty
 * string, leading or trailing whitespace, and line breaks or other control characters inside
 * (a secret pasted with its newline, or two secrets pasted into one variable).
 */
export function assertUsableSecrets(
  secrets: string | readonly string[],
  label: string,
): readonly string[] {
  const list: readonly unknown[] = typeof secrets === "string" ? [secrets] : toList(secrets, label);
  if (list.length === 0) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `${label} is an empty list: configure at least one webhook secret`,
      { details: { label } },
    );
  }
  const single = typeof secrets === "string";
  return list.map((secret, index) =>
    checkSecret(secret, single ? label : `${label}[${index}]`, { label, index }),
  );
}

function checkSecret(secret: unknown, name: string, details: Record<string, unknown>): string {
  if (typeof secret !== "string") {
    const got = secret === null ? "null" : typeof secret;
    const hint = secret === undefined ? " (is the environment variable set?)" : "";
    throw new LinkpayError("CONFIG_INVALID", `${name} must be a string, got ${got}${hint}`, {
      details,
    });
  }
  const problem = findProblem(secret);
  if (problem !== undefined) {
    throw new LinkpayError("CONFIG_INVALID", `${name} ${problem}`, { details });
  }
  return secret;
}

function toList(secrets: unknown, label: string): readonly unknown[] {
  if (!Array.isArray(secrets)) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `${label} must be a string or a list of strings, got ${secrets === null ? "null" : typeof secrets}` +
        (secrets === undefined ? " (is the environment variable set?)" : ""),
      { details: { label } },
    );
  }
  return secrets;
}

function findProblem(secret: string): string | undefined {
  if (secret.length === 0) return "is an empty string (is the environment variable set?)";
  if (secret.trim().length === 0) return "is only whitespace";
  if (/^\s/.test(secret)) return "has leading whitespace: remove it where the secret is configured";
  if (/\s$/.test(secret)) {
    return "has trailing whitespace (often a newline from a file or a copy-paste): remove it";
  }
  if (/[\r\n]/.test(secret)) {
    return "contains a line break: two secrets pasted into one value? pass a list instead";
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(secret)) return "contains a control character";
  return undefined;
}
