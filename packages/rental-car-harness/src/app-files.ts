/**
 * @module
 * The rental-car app's files the harness needs, resolved through the example's package exports so
 * the harness never guesses the example's folder layout.
 */

/** The compiled app entry point; the harness starts it as `node <APP_MAIN>`, as it runs live. */
export const APP_MAIN = require.resolve("@linkpay/example-rental-car");

/** The patrol config shipped with the app (pages, journey and e-mail to watch). */
export const APP_PATROL_CONFIG = require.resolve("@linkpay/example-rental-car/linkpay-patrol.json");
