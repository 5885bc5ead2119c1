/**
 * @module
 * Security headers and cookies of the pages that lead to payment: parsing, normalizing and
 * comparing them between runs.
 */
export { type CompareCookiesInput, compareCookies } from "./compare-cookies";
export { type CompareHeadersInput, compareHeaders } from "./compare-headers";
export { parseCsp } from "./parse-csp";
export { OTHER_SECURITY_HEADERS, securityHeaders } from "./security-headers";
