/**
 * @module
 * Passkeys (WebAuthn), the phishing-resistant second factor, with @simplewebauthn/server: a
 * passkey is bound to the console's origin, so a look-alike site cannot use what it collects.
 * Registration needs a fresh re-authentication; each challenge is kept on the session and
 * answered at most once; the signature counter is checked and stored.
 */

import type { AuthenticatorTransportFuture } from "@simplewebauthn/server";
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { PasskeysTable } from "../db/app-tables";
import type { AppDb } from "../inventory/inventory";
import type { Staff } from "./staff-accounts";

/** Where the console is, as WebAuthn sees it. */
export interface RelyingParty {
  readonly name: string;
  /** The console's origin, e.g. `https://admin.rental.example`. */
  readonly origin: string;
}

const rpId = (rp: RelyingParty) => new URL(rp.origin).hostname;

/** An account's passkeys, oldest first. */
export function passkeysOf(db: AppDb, staffId: string): Promise<PasskeysTable[]> {
  return db
    .selectFrom("rc_passkeys")
    .selectAll()
    .where("staff_id", "=", staffId)
    .orderBy("created_at")
    .execute();
}

function transportsOf(passkey: PasskeysTable): AuthenticatorTransportFuture[] {
  const parsed: unknown = JSON.parse(passkey.transports);
  return Array.isArray(parsed)
    ? parsed.filter((item): item is AuthenticatorTransportFuture => typeof item === "string")
    : [];
}

/** Options for `navigator.credentials.create`, and the challenge to keep. */
export async function registrationOptions(
  rp: RelyingParty,
  staff: Staff,
  existing: readonly PasskeysTable[],
) {
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rpId(rp),
    userName: staff.email,
    userDisplayName: staff.name,
    userID: new TextEncoder().encode(staff.id),
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.id,
      transports: transportsOf(passkey),
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  return { options, challenge: options.challenge };
}

/** Verifies a new passkey and stores it; false when the browser's answer does not verify. */
export async function registerPasskey(
  db: AppDb,
  rp: RelyingParty,
  input: {
    readonly staffId: string;
    readonly response: RegistrationResponseJSON;
    readonly challenge: string;
    readonly now: Date;
  },
): Promise<PasskeysTable | undefined> {
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: input.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rpId(rp),
    requireUserVerification: true,
  }).catch(() => undefined);
  if (verification?.verified !== true) return undefined;
  const { credential } = verification.registrationInfo;
  const passkey: PasskeysTable = {
    id: credential.id,
    staff_id: input.staffId,
    public_key: Buffer.from(credential.publicKey).toString("base64url"),
    counter: credential.counter,
    transports: JSON.stringify(credential.transports ?? []),
    created_at: input.now.toISOString(),
    last_used_at: null,
  };
  await db.insertInto("rc_passkeys").values(passkey).execute();
  return passkey;
}

/** Options for `navigator.credentials.get`, limited to the account's passkeys. */
export async function authenticationOptions(rp: RelyingParty, passkeys: readonly PasskeysTable[]) {
  const options = await generateAuthenticationOptions({
    rpID: rpId(rp),
    allowCredentials: passkeys.map((passkey) => ({
      id: passkey.id,
      transports: transportsOf(passkey),
    })),
    userVerification: "required",
  });
  return { options, challenge: options.challenge };
}

/** True when the answer is a valid signature by one of the account's passkeys (counter stored). */
export async function verifyPasskey(
  db: AppDb,
  rp: RelyingParty,
  input: {
    readonly passkeys: readonly PasskeysTable[];
    readonly response: AuthenticationResponseJSON;
    readonly challenge: string;
    readonly now: Date;
  },
): Promise<boolean> {
  const passkey = input.passkeys.find((candidate) => candidate.id === input.response.id);
  if (passkey === undefined) return false;
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: input.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rpId(rp),
    credential: {
      id: passkey.id,
      publicKey: new Uint8Array(Buffer.from(passkey.public_key, "base64url")),
      counter: Number(passkey.counter),
      transports: transportsOf(passkey),
    },
    requireUserVerification: true,
  }).catch(() => undefined);
  if (verification?.verified !== true) return false;
  const { newCounter } = verification.authenticationInfo;
  // Authenticators that keep no counter always say 0; one that keeps a counter must say more
  // than last time (conditional update: two uses of one answer cannot both pass), or it is a clone.
  const updated = await db
    .updateTable("rc_passkeys")
    .set({ counter: newCounter, last_used_at: input.now.toISOString() })
    .where("id", "=", passkey.id)
    .where("counter", newCounter === 0 ? "=" : "<", newCounter)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}
