/**
 * @module
 * A Kysely plugin that renames linkpay's logical tables (`attempts`, `events`, …) to their
 * prefixed names as each query is compiled. Other tables (the merchant's) are left alone, and
 * the merchant's own Kysely instance never carries this plugin.
 */
import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type TableNode,
  type UnknownRow,
} from "kysely";
import { LOGICAL_TABLES, physicalTables } from "./tables";

class PrefixTransformer extends OperationNodeTransformer {
  readonly #names: ReadonlyMap<string, string>;

  constructor(prefix: string) {
    super();
    const physical = physicalTables(prefix);
    this.#names = new Map(LOGICAL_TABLES.map((name) => [name, physical[name]]));
  }

  protected override transformTable(node: TableNode): TableNode {
    const transformed = super.transformTable(node);
    const { identifier, schema } = transformed.table;
    const renamed = schema === undefined ? this.#names.get(identifier.name) : undefined;
    if (renamed === undefined) return transformed;
    return {
      ...transformed,
      table: { ...transformed.table, identifier: { ...identifier, name: renamed } },
    };
  }
}

/** Prefixes linkpay's table names; see the module comment. */
export class TablePrefixPlugin implements KyselyPlugin {
  readonly #transformer: PrefixTransformer;

  constructor(prefix: string) {
    this.#transformer = new PrefixTransformer(prefix);
  }

  /** Rewrites table names in the query tree. */
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  /** Results need no change. */
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
