/**
 * @module
 * Staff passwords: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), at least 15
 * characters and no composition rules (NIST SP 800-63B-4); a verification that takes as long for
 * an unknown account as for a known one, so timing does not tell which e-mails have accounts.
 */
import argon2 from "argon2";

/** OWASP Password Storage Cheat Sheet, argon2id minimum. */
const PARAMETERS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { readonly email: string },
): "too_short" | "too_long" | "is_email" | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  if (password.trim().toLowerCase() === context.email.toLowerCase()) return "is_email";
  return undefined;
}

/** The argon2id hash (PHC string, salt and parameters included). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize("NFKC"), PARAMETERS);
}

let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches `hash`. Without a hash (no such account, not enrolled), a dummy
 * hash is checked all the same and the answer is false.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  const candidate = password.normalize("NFKC");
  if (hash === null) {
    dummyHash ??= hashPassword("not a password anyone has, only here for timing");
    await argon2.verify(await dummyHash, candidate);
    return false;
  }
  try {
    return await argon2.verify(hash, candidate);
  } catch {
    return false;
  }
}
