/**
 * @module
 * How a header that carries several policies fits the one record a snapshot keeps. Browsers
 * enforce every policy (a load must pass them all), so none may be dropped: the first policy's
 * directives keep their plain names, the n-th policy's are keyed `name#n` (`script-src#2`).
 * Policies are numbered in the order the header lists them, which a server keeps from one
 * response to the next; `#` never occurs in a directive name, so the keys cannot collide.
 */

/** A policy: directive name → sources. */
export type Policy = Readonly<Record<string, readonly string[]>>;

/** The record key of `directive` in the `index`-th policy (1-based). */
export function policyKey(directive: string, index: number): string {
  return index === 1 ? directive : `${directive}#${index}`;
}

/** The suffix that marks keys and subjects of the `index`-th policy (`""` for the first). */
export function policySuffix(index: number): string {
  return index === 1 ? "" : `#${index}`;
}

/** A record made by `parseCsp`, back as its policies: index (1-based) → policy. */
export function splitPolicies(record: Policy): Map<number, Policy> {
  const policies = new Map<number, Record<string, readonly string[]>>();
  for (const [key, sources] of Object.entries(record)) {
    const match = /^(.+)#(\d+)$/.exec(key);
    const index = match ? Number(match[2]) : 1;
    const directive = match?.[1] ?? key;
    const policy = policies.get(index) ?? {};
    policy[directive] = sources;
    policies.set(index, policy);
  }
  return policies;
}
