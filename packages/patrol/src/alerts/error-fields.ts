/**
 * @module
 * Reads fields of a caught value without `instanceof`: errors from Node's fetch or sockets may
 * come from another realm (a test sandbox, a worker), where `instanceof Error` is false.
 */

/** `value[key]` when `value` is an object, otherwise undefined. */
export function errorField(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

/** The `message` of an error-like value, or the value as text. */
export function errorMessage(value: unknown): string {
  const message = errorField(value, "message");
  return typeof message === "string" ? message : String(value);
}
