/**
 * @module
 * Test helper: the CONFIG_INVALID message a factory refuses its options with, or "accepted".
 */
import { isLinkpayError } from "@linkpay/core";

/** Runs `build`; its CONFIG_INVALID message, another error as text, or "accepted". */
export function configRefusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return isLinkpayError(error, "CONFIG_INVALID") ? error.message : String(error);
  }
  return "accepted";
}
