/**
 * @module
 * `column in ('a', 'b')` for check constraints, from the migrations' own constants (never input).
 */
import { type RawBuilder, sql } from "@linkpay/store-sql";

/** The check `column in (…values)`. */
export function sqlList(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(", ")})`);
}
