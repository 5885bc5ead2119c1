/**
 * @module
 * Stripe's `expand[]` parameter: dotted paths (`payment_intent.latest_charge`) turned into a tree
 * the renderers follow, refusing paths the sandbox cannot expand with Stripe's error.
 */
import { invalidRequest } from "../api/sandbox-api-error";

/** Which fields to expand, nested: `{ payment_intent: { latest_charge: {} } }`. */
export interface ExpandTree {
  readonly [field: string]: ExpandTree;
}

/** What can be expanded on each object the sandbox serves. */
export const EXPANDABLE = {
  session: { payment_intent: { latest_charge: {} }, line_items: {} },
  paymentIntent: { latest_charge: {} },
  none: {},
} as const satisfies Record<string, ExpandTree>;

const NOTHING: ExpandTree = {};

/**
 * Parses `expand` paths against what `allowed` permits; for list endpoints each path must start
 * with `data.`, as in Stripe.
 *
 * @throws SandboxApiError 400 `This property cannot be expanded (…)` for anything else.
 */
export function parseExpand(
  paths: readonly string[],
  allowed: ExpandTree,
  list = false,
): ExpandTree {
  const tree: Record<string, ExpandTree> = {};
  paths.forEach((path, index) => {
    const fields = path.split(".");
    if (list && fields.shift() !== "data") throw cannotExpand(path, index);
    let level = allowed;
    let node = tree;
    for (const field of fields) {
      const next = Object.hasOwn(level, field) ? level[field] : undefined;
      if (next === undefined) throw cannotExpand(path, index);
      const child: Record<string, ExpandTree> = Object.hasOwn(node, field)
        ? { ...node[field] }
        : {};
      node[field] = child;
      level = next;
      node = child;
    }
  });
  return tree;
}

/** The subtree to expand under `field`, or undefined when `field` is not expanded. */
export function expandedField(tree: ExpandTree, field: string): ExpandTree | undefined {
  return Object.hasOwn(tree, field) ? (tree[field] ?? NOTHING) : undefined;
}

function cannotExpand(path: string, index: number) {
  return invalidRequest(`This property cannot be expanded (${path}).`, {
    param: `expand[${index}]`,
  });
}
