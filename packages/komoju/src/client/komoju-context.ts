/**
 * @module
 * What the adapter's operations share: the HTTP client and the validated options.
 */
import type { ResolvedConnectionOptions } from "../options/connection-options";
import type { ResolvedKomojuOptions } from "../options/resolve-options";
import type { KomojuClient } from "./komoju-client";

/** What read-only operations need (the checkout reader has no webhook secrets). */
export interface KomojuReadContext {
  readonly client: KomojuClient;
  readonly options: ResolvedConnectionOptions;
}

/** What the provider's operations need. */
export interface KomojuContext extends KomojuReadContext {
  readonly options: ResolvedKomojuOptions;
}
