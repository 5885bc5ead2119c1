/**
 * @module
 * Queries built once with Kysely's builder and compiled once per store, then executed many times
 * with new parameter values — the prepared-statement pattern, for the few statements on the
 * webhook hot path. Placeholders are typed expressions (`param("event_id")`) that compile to
 * bound parameters; nothing is ever spliced into SQL text.
 */
import {
  type Compilable,
  CompiledQuery,
  type Kysely,
  type QueryResult,
  type RawBuilder,
  sql,
} from "kysely";

const MARK = "\u0000linkpay-param\u0000";

/** A typed placeholder for the parameter `name`. */
export type Param<P> = <K extends keyof P & string>(name: K) => RawBuilder<P[K]>;

/** A query compiled once and run with values. */
export interface PreparedQuery<P, O> {
  execute(db: Kysely<object>, values: P): Promise<QueryResult<O>>;
}

type Slot<P> = { readonly name: keyof P & string } | { readonly value: unknown };

/** Compiles `build(param)` on first use; each run binds `values` in the compiled order. */
export function prepareQuery<P extends object, O>(
  build: (param: Param<P>) => Compilable<O>,
): PreparedQuery<P, O> {
  let compiled: { readonly sql: string; readonly slots: readonly Slot<P>[] } | undefined;
  const param: Param<P> = (name) => sql`${MARK + name}`;
  const names = new Map<string, keyof P & string>();
  const tracked: Param<P> = (name) => {
    names.set(MARK + name, name);
    return param(name);
  };
  return {
    execute(db, values) {
      if (compiled === undefined) {
        const query = build(tracked).compile();
        const slots = query.parameters.map((value): Slot<P> => {
          const name = typeof value === "string" ? names.get(value) : undefined;
          return name === undefined ? { value } : { name };
        });
        compiled = { sql: query.sql, slots };
      }
      const parameters = compiled.slots.map((slot) =>
        "name" in slot ? values[slot.name] : slot.value,
      );
      return db.executeQuery<O>(CompiledQuery.raw(compiled.sql, parameters));
    },
  };
}
