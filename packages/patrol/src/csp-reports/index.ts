/**
 * @module
 * CSP violations shoppers' browsers reported to the site, read over HTTP from its
 * `cspReportFeed`, and the findings they make: what real visitors got between two patrol runs.
 */
export {
  type FindingsFromCspReportsOptions,
  findingsFromCspReports,
} from "./findings-from-csp-reports";
export { type ReadCspReportsOptions, readCspReports } from "./read-csp-reports";
export type { ReportedViolation } from "./reported-violation";
