/**
 * @module
 * The query of the CSP report feed: `since`, an ISO 8601 time with its offset (`Z` or `+09:00`;
 * without one the instant would depend on the server's time zone), and `limit`, 1 to 1000.
 */
import * as z from "zod";
import { HttpError } from "../errors";

/** The most entries one answer holds: as many as a store keeps by default. */
export const MAX_FEED_LIMIT = 1_000;

const feedQuery = z.object({
  since: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_FEED_LIMIT).default(100),
});

/** What the feed lists. */
export type FeedQuery = z.output<typeof feedQuery>;

/** The validated query; throws 400 `INVALID_QUERY` (the reason goes to the log only). */
export function readFeedQuery(query: unknown): FeedQuery {
  const parsed = feedQuery.safeParse(query);
  if (!parsed.success) {
    throw new HttpError("INVALID_QUERY", z.prettifyError(parsed.error), {
      details: { fields: parsed.error.issues.map((issue) => issue.path.join(".")) },
    });
  }
  return parsed.data;
}
