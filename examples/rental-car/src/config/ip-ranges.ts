/**
 * @module
 * IP addresses and CIDR ranges as the configuration accepts them (`ADMIN_ALLOWED_IPS`,
 * `TRUST_PROXY`).
 */
import { isIP } from "node:net";

/** An IPv4/IPv6 address or a CIDR range. */
export function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split("/");
  if (address === undefined || extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d{1,3}$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
}
