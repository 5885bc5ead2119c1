/**
 * @module
 * A plain-HTTP shopper for the rental-car example (cookies, CSRF form fields, every redirect
 * visible) and a "find my booking" probe across app instances. Private: the example's tests and
 * `@linkpay/rental-car-harness` share it, and the example's dist never carries it.
 */
export { formFields, type HttpAnswer, HttpShopper, submitBooking } from "./http-shopper";
export { lookupsAcross } from "./lookup-probe";
