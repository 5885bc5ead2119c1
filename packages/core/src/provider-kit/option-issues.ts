/**
 * @module
 * Checking an adapter's options so that every problem is reported at once, each with the option
 * it concerns and never with its value (a key or a secret must not reach a log): the issues a zod
 * schema found, checks collected one by one, and the CONFIG_INVALID that lists them.
 */
import type * as z from "zod";
import { isLinkpayError, LinkpayError } from "../errors";

/** One problem with an adapter's options: the option and what is wrong (never its value). */
export interface OptionIssue {
  readonly option: string;
  readonly message: string;
}

/** The problems a zod schema found, each naming its option (`options` for the root). */
export function optionIssuesOf(error: z.ZodError): OptionIssue[] {
  return error.issues.map((issue) => {
    const option = issue.path.join(".") || "options";
    return { option, message: `${option} ${issue.message}` };
  });
}

/**
 * CONFIG_INVALID listing every issue; `what` names the options (e.g. `Acme provider options`).
 *
 * @example
 * if (issues.length > 0) throw refuseOptions("Acme provider options", issues);
 */
export function refuseOptions(what: string, issues: readonly OptionIssue[]): LinkpayError {
  const text = issues.map((issue) => issue.message).join("; ");
  return new LinkpayError("CONFIG_INVALID", `Invalid ${what}: ${text}`, { details: { issues } });
}

/**
 * Runs one check; a CONFIG_INVALID it throws becomes an issue for `option` (or for the option the
 * error names in `details.option`), so the next checks still run. Other errors pass through.
 */
export function collectOptionIssue<T>(
  issues: OptionIssue[],
  option: string,
  run: () => T,
): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!isLinkpayError(error) || error.code !== "CONFIG_INVALID") throw error;
    const named = error.details?.option;
    const name = typeof named === "string" ? named : option;
    const message = error.message.startsWith(name) ? error.message : `${name}: ${error.message}`;
    issues.push({ option: name, message });
    return undefined;
  }
}
