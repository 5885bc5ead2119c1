export type { RefundRecord, RefundStatus } from "./refund-record";
