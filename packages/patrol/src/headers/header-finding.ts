/**
 * @module
 * Builds a header or cookie finding, leaving out `before` or `after` where there is none (an
 * added or removed header), so that snapshots and approvals never carry `null` placeholders.
 */
import type { Finding } from "../model/findings";

/** The fields of a finding, `before`/`after` `null` or `undefined` when absent. */
export type FindingFields = Omit<Finding, "before" | "after"> & {
  readonly before: unknown;
  readonly after: unknown;
};

/** A finding with absent sides left out. */
export function headerFinding(fields: FindingFields): Finding {
  const { before, after, ...rest } = fields;
  return {
    ...rest,
    ...(before === null || before === undefined ? {} : { before }),
    ...(after === null || after === undefined ? {} : { after }),
  };
}
