/**
 * @module
 * Guards the shopper's redirect: only URLs exactly on a provider's configured checkout origins.
 */
export {
  createRedirectGuard,
  type RedirectGuard,
  type RedirectGuardOptions,
  type RedirectRejectionReason,
} from "./redirect-guard";
