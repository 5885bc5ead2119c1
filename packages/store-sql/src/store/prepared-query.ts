/**
 * @module
 * Queries built once with Kysely's builder and compiled once per store, then executed many times
 * with new parameter values — the prepared-statement pattern, for the few statements on the
 * webhook hot path. Placeholders are typed expressions (`param("event_id")`) that compile to
 * bound parameters; nothing is ever spliced into SQL text. They run on the transaction's own
 * connection through a {@link StatementRunner}.
 */
import { type Compilable, type CompiledQuery, type RawBuilder, sql } from "kysely";
import type { StatementRunner } from "../engines/statement-runner";

const MARK = "\u0000linkpay-param\u0000";

/** A typed placeholder for the parameter `name`. */
export type Param<P> = <K extends keyof P & string>(name: K) => RawBuilder<P[K]>;

/** A query compiled once and run with values. */
export interface PreparedQuery<P, O> {
  /** The first row it returns, if any. */
  row(runner: StatementRunner, values: P): O | undefined | Promise<O | undefined>;
  /** How many rows it changed (a write). */
  changes(runner: StatementRunner, values: P): number | Promise<number>;
}

/** The compiled query and, per bound parameter, the name it takes its value from (or a constant). */
interface Compiled<P> {
  readonly query: CompiledQuery;
  readonly slots: readonly ({ readonly name: keyof P & string } | { readonly value: unknown })[];
}

/** Compiles `build(param)` on first use; each run binds `values` in the compiled order. */
export function prepareQuery<P extends object, O>(
  build: (param: Param<P>) => Compilable<O>,
): PreparedQuery<P, O> {
  let compiled: Compiled<P> | undefined;
  const compile = (): Compiled<P> => {
    const names = new Map<string, keyof P & string>();
    const query = build((name) => {
      names.set(MARK + name, name);
      return sql`${MARK + name}`;
    }).compile();
    const slots = query.parameters.map((value) => {
      const name = typeof value === "string" ? names.get(value) : undefined;
      return name === undefined ? { value } : { name };
    });
    return { query, slots };
  };
  const bind = (values: P): [CompiledQuery, unknown[]] => {
    compiled ??= compile();
    const { query, slots } = compiled;
    const parameters = new Array<unknown>(slots.length);
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index];
      parameters[index] = slot === undefined || "value" in slot ? slot?.value : values[slot.name];
    }
    return [query, parameters];
  };
  return {
    row: (runner, values) => runner.row<O>(...bind(values)),
    changes: (runner, values) => runner.changes(...bind(values)),
  };
}
