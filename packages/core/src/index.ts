/**
 * @module
 * @linkpay/core — the provider-agnostic domain of link-type (redirect) card payments: money,
 * checkout requests, the payment state machine, the provider and store contracts, the Payments
 * service, webhook signature helpers and the guards that keep card data and forged redirects out.
 */
export * from "./card-data";
export * from "./checkout";
export * from "./errors";
export * from "./money";
export * from "./payments";
export * from "./provider";
export * from "./redirect-guard";
export * from "./signatures";
export * from "./state-machine";
export * from "./store";
