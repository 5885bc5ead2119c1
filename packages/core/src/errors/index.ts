export { ERROR_CODES, type ErrorCode, type ErrorKind } from "./error-codes";
export { isLinkpayError, LinkpayError, type LinkpayErrorOptions } from "./linkpay-error";
