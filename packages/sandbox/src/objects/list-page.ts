/**
 * @module
 * Stripe's cursor pagination over a newest-first list: `limit`, `starting_after`, `ending_before`.
 */
import { invalidRequest } from "../api/sandbox-api-error";
import type { ListObject } from "./stripe-shapes";

/** The cursor parameters of a list request. */
export interface PageParams {
  readonly limit: number;
  readonly starting_after?: string | undefined;
  readonly ending_before?: string | undefined;
}

/**
 * One page of `items` (already newest first), rendered with `render`.
 *
 * @throws SandboxApiError 400 when both cursors are given, or a cursor names no item of the list.
 */
export function listPage<T extends { readonly id: string }, R>(
  items: readonly T[],
  params: PageParams,
  url: string,
  render: (item: T) => R,
): ListObject<R> {
  const { limit, starting_after: after, ending_before: before } = params;
  if (after !== undefined && before !== undefined) {
    throw invalidRequest(
      "You may only specify one of these parameters: ending_before, starting_after.",
    );
  }
  let page: readonly T[];
  let hasMore: boolean;
  if (after !== undefined) {
    const rest = items.slice(cursorIndex(items, after, "starting_after") + 1);
    page = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (before !== undefined) {
    const earlier = items.slice(0, cursorIndex(items, before, "ending_before"));
    page = earlier.slice(Math.max(0, earlier.length - limit));
    hasMore = earlier.length > limit;
  } else {
    page = items.slice(0, limit);
    hasMore = items.length > limit;
  }
  return { object: "list", data: page.map(render), has_more: hasMore, url };
}

function cursorIndex(items: readonly { readonly id: string }[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) {
    throw invalidRequest(`No such object: '${id}'`, { param, code: "resource_missing" });
  }
  return index;
}
