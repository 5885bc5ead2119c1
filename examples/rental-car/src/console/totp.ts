/**
 * @module
 * TOTP (RFC 6238, 30-second steps, 6 digits) with otplib: a code is accepted in its own step or
 * one step either side (clock drift), and only once: the step it matched is stored, and a code of
 * that step or an earlier one is refused afterwards (replay).
 */
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

const PERIOD_SECONDS = 30;

/** A new random secret (20 bytes, Base32), to show once at enrolment. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://` URI authenticator apps read, and its QR code as an SVG document. */
export async function totpEnrolment(input: {
  readonly issuer: string;
  readonly email: string;
  readonly secret: string;
}): Promise<{ readonly uri: string; readonly qrSvg: string }> {
  const uri = generateURI({ issuer: input.issuer, label: input.email, secret: input.secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { uri, qrSvg };
}

/**
 * The time step `code` matches at `now`, if it is a valid code for `secret` newer than
 * `afterStep`; undefined otherwise.
 */
export async function matchTotp(input: {
  readonly secret: string;
  readonly code: string;
  readonly now: Date;
  readonly afterStep: number;
}): Promise<number | undefined> {
  const code = input.code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret: input.secret,
    token: code,
    epoch: Math.floor(input.now.getTime() / 1000),
    period: PERIOD_SECONDS,
    epochTolerance: PERIOD_SECONDS,
    afterTimeStep: input.afterStep,
  });
  return result.valid && "timeStep" in result ? result.timeStep : undefined;
}
