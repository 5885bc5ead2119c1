export {
  CSP_REPORT_STORE_LIMIT,
  type CspReportStore,
  type CspViolation,
  cspViolationFingerprint,
  type StoredCspViolation,
} from "./csp-report-store";
export {
  createMemoryCspReportStore,
  type MemoryCspReportStoreOptions,
} from "./memory-csp-report-store";
