/**
 * @module
 * The configuration: its defaults, one refusal naming every bad variable at once, secrets never
 * echoed, Stripe's key and webhook secret only together, and what production requires; the
 * provider switch (PAYMENT_PROVIDER): KOMOJU's variables checked by @linkpay/komoju under their
 * own names, and the other provider's variables refused.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "@jest/globals";
import { ConfigError, loadConfig } from "./config";

const SECRET_KEY = "sk_test_51HxQaZ2eZvKYlo2C0123456789abcdef";
const WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SESSION_SECRET = "a-session-secret-of-at-least-32-characters";
const KOMOJU_KEY = "sk_test_komojuConfigTest0123456789";
const KOMOJU_WEBHOOK_SECRET = "komoju-webhook-token-0123456789abcdef";

/** The ConfigError `env` is refused with (fails the test when it is accepted). */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

/** Everything a refusal shows: message, problems, and how it prints. */
function shown(error: ConfigError): string {
  return [error.message, ...error.problems, inspect(error), String(error.stack)].join("\n");
}

describe("loadConfig", () => {
  it("starts a local demo with no environment at all", () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      databaseUrl: "sqlite:./data/rental-car.db",
      publicBaseUrl: "http://localhost:3000",
      stripe: undefined,
      sessionSecret: undefined,
      reconcileIntervalSeconds: 60,
      smtpUrl: undefined,
      sandboxPort: 4242,
      sqliteSynchronous: "full",
      reconcileAfterSeconds: 120,
      production: false,
    });
  });

  it("treats blank variables as unset and derives the public URL from the port", () => {
    expect(loadConfig({ PORT: "8080", DATABASE_URL: "  ", SMTP_URL: "" })).toMatchObject({
      port: 8080,
      databaseUrl: "sqlite:./data/rental-car.db",
      publicBaseUrl: "http://localhost:8080",
      smtpUrl: undefined,
    });
  });

  it("reads a complete environment", () => {
    const config = loadConfig({
      PORT: "3100",
      DATABASE_URL: "postgres://shop@127.0.0.1:5432/shop",
      PUBLIC_BASE_URL: "https://rental.example",
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: "http://127.0.0.1:12111",
      SESSION_SECRET,
      RECONCILE_INTERVAL_SECONDS: "0",
      SMTP_URL: "smtp://127.0.0.1:2525",
      SANDBOX_PORT: "0",
      SQLITE_SYNCHRONOUS: "normal",
      STRIPE_PAYMENT_METHODS: "card,konbini",
      RECONCILE_AFTER_SECONDS: "15",
    });
    expect(config).toMatchObject({
      port: 3100,
      databaseUrl: "postgres://shop@127.0.0.1:5432/shop",
      publicBaseUrl: "https://rental.example",
      stripe: {
        secretKey: SECRET_KEY,
        webhookSecret: WEBHOOK_SECRET,
        apiUrl: "http://127.0.0.1:12111",
        checkoutOrigin: undefined,
        paymentMethods: ["card", "konbini"],
      },
      sessionSecret: SESSION_SECRET,
      reconcileIntervalSeconds: 0,
      smtpUrl: "smtp://127.0.0.1:2525",
      sandboxPort: 0,
      sqliteSynchronous: "normal",
      reconcileAfterSeconds: 15,
      production: false,
    });
  });

  it("names every bad variable in one ConfigError", () => {
    const error = refusal({
      PORT: "eighty",
      DATABASE_URL: "mysql://root@db/shop",
      PUBLIC_BASE_URL: "https://rental.example/shop/",
      STRIPE_SECRET_KEY: "pk_test_publishable0123456789",
      STRIPE_WEBHOOK_SECRET: "not-a-signing-secret",
      STRIPE_API_URL: "ftp://files.example",
      STRIPE_CHECKOUT_ORIGIN: "checkout",
      SESSION_SECRET: "too-short",
      RECONCILE_INTERVAL_SECONDS: "-5",
      SMTP_URL: "http://mail.example",
      SANDBOX_PORT: "70000",
      SQLITE_SYNCHRONOUS: "off",
      STRIPE_PAYMENT_METHODS: "card,paypay",
      RECONCILE_AFTER_SECONDS: "soon",
      PATROL_FEED_TOKEN: "too-short",
    });
    for (const variable of [
      "PORT",
      "DATABASE_URL",
      "PUBLIC_BASE_URL",
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "STRIPE_API_URL",
      "STRIPE_CHECKOUT_ORIGIN",
      "SESSION_SECRET",
      "RECONCILE_INTERVAL_SECONDS",
      "SMTP_URL",
      "SANDBOX_PORT",
      "SQLITE_SYNCHRONOUS",
      "STRIPE_PAYMENT_METHODS",
      "RECONCILE_AFTER_SECONDS",
      "PATROL_FEED_TOKEN",
    ]) {
      expect({
        variable,
        named: error.problems.some((problem) => problem.startsWith(variable)),
      }).toEqual({ variable, named: true });
      expect(error.message).toContain(variable);
    }
  });

  it("names malformed variables and missing ones together (a production start with a typo)", () => {
    const error = refusal({ NODE_ENV: "production", PORT: "abc", STRIPE_SECRET_KEY: SECRET_KEY });
    const text = error.problems.join("\n");
    expect(text).toContain("PORT must be");
    expect(text).toContain("STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together");
    expect(text).toContain("SESSION_SECRET is required in production");
    expect(text).toContain("PUBLIC_BASE_URL is required in production");
  });

  it("never shows a secret's value, even a malformed one", () => {
    const values = {
      STRIPE_SECRET_KEY: ` ${SECRET_KEY} `,
      STRIPE_WEBHOOK_SECRET: `${WEBHOOK_SECRET}\n`,
      SESSION_SECRET: "short-but-secret-value",
      DATABASE_URL: "mysql://shop:hunter2-password@db.internal/shop",
    };
    const error = refusal(values);
    const text = shown(error);
    expect(error.problems.length).toBeGreaterThanOrEqual(4);
    for (const secret of [
      SECRET_KEY,
      WEBHOOK_SECRET,
      "short-but-secret-value",
      "hunter2-password",
      "sk_test_51",
      "MfKQ9r8G",
    ]) {
      expect(text).not.toContain(secret);
    }
    // Worded by @linkpay/stripe, which owns these settings, under the variable's name.
    expect(text).toContain("STRIPE_SECRET_KEY: secretKey has leading or trailing whitespace");
    expect(text).toContain("STRIPE_WEBHOOK_SECRET: webhookSecrets has trailing whitespace");
  });

  it("checks Stripe settings with the provider's own rules, listed with the app's problems", () => {
    // The app used to accept this key and then die at start with the provider's other message.
    const error = refusal({
      PORT: "eighty",
      STRIPE_SECRET_KEY: "sk_test_probe_1a2b",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: "http://127.0.0.1:12111/v1",
    });
    expect(error.problems).toEqual([
      "PORT must be a port number (0–65535)",
      expect.stringMatching(/^STRIPE_SECRET_KEY: secretKey is not a Stripe API key/),
      expect.stringMatching(/^STRIPE_API_URL: apiBaseUrl must be an origin/),
      expect.stringMatching(/^STRIPE_API_URL: /),
    ]);
  });

  it("refuses a Stripe key without its webhook secret, and the reverse", () => {
    expect(refusal({ STRIPE_SECRET_KEY: SECRET_KEY }).problems).toEqual([
      "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together: set both, or neither for the sandbox",
    ]);
    expect(refusal({ STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }).problems).toEqual([
      "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together: set both, or neither for the sandbox",
    ]);
    expect(
      refusal({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: " " }).problems,
    ).toHaveLength(1);
    expect(
      loadConfig({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }).stripe,
    ).toMatchObject({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
  });

  it("requires Stripe, a session secret, the public URL and an https console URL in production, all named at once", () => {
    const error = refusal({ NODE_ENV: "production" });
    expect(error.problems).toEqual([
      "STRIPE_SECRET_KEY is required in production (the sandbox is for development)",
      "SESSION_SECRET is required in production",
      "PUBLIC_BASE_URL is required in production",
      "CONSOLE_PUBLIC_URL is required in production, and must be https",
    ]);
    const production = {
      NODE_ENV: "production",
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SESSION_SECRET,
      PUBLIC_BASE_URL: "https://rental.example",
    };
    expect(
      refusal({ ...production, CONSOLE_PUBLIC_URL: "http://localhost:3001" }).problems,
    ).toEqual(["CONSOLE_PUBLIC_URL is required in production, and must be https"]);
    const config = loadConfig({
      ...production,
      CONSOLE_PUBLIC_URL: "https://admin.rental.example",
    });
    expect(config).toMatchObject({
      production: true,
      publicBaseUrl: "https://rental.example",
      consolePublicUrl: "https://admin.rental.example",
    });
    // Outside production the same gaps are fine: the sandbox and a random secret are used.
    expect(loadConfig({ NODE_ENV: "development" }).production).toBe(false);
  });

  it("reads the patrol's feed token, several while rotating, and never shows one", () => {
    const token = "patrol-feed-token-0123456789-abcdefghij";
    const next = "patrol-feed-token-next-9876543210-zyxwv";
    expect(loadConfig({}).patrolFeedTokens).toBeUndefined();
    expect(loadConfig({ PATROL_FEED_TOKEN: " " }).patrolFeedTokens).toBeUndefined();
    expect(loadConfig({ PATROL_FEED_TOKEN: token }).patrolFeedTokens).toEqual([token]);
    expect(loadConfig({ PATROL_FEED_TOKEN: `${next}, ${token}` }).patrolFeedTokens).toEqual([
      next,
      token,
    ]);
    for (const bad of ["a-secret-but-short", `${token},`, `${token} with-space-0123456789abcdef`]) {
      const error = refusal({ PATROL_FEED_TOKEN: bad });
      expect(error.problems).toEqual([
        expect.stringMatching(/^PATROL_FEED_TOKEN must be one token of 32\+ characters/),
      ]);
      expect(shown(error)).not.toContain("a-secret-but-short");
      expect(shown(error)).not.toContain(token);
    }
  });

  it("checks the console's variables and names each problem", () => {
    expect(loadConfig({})).toMatchObject({
      consolePort: 3001,
      consolePublicUrl: "http://localhost:3001",
      adminAllowedIps: undefined,
    });
    expect(
      loadConfig({
        CONSOLE_PORT: "4001",
        ADMIN_ALLOWED_IPS: " 203.0.113.7, 10.0.0.0/8 ,::1,2001:db8::/32",
      }),
    ).toMatchObject({
      consolePort: 4001,
      consolePublicUrl: "http://localhost:4001",
      adminAllowedIps: ["203.0.113.7", "10.0.0.0/8", "::1", "2001:db8::/32"],
    });
    expect(refusal({ CONSOLE_PUBLIC_URL: "http://admin.rental.example" }).problems).toEqual([
      "CONSOLE_PUBLIC_URL must be https (plain http only on localhost): the console's cookie is Secure",
    ]);
    for (const bad of [
      "203.0.113.300",
      "10.0.0.0/33",
      "::1/129",
      "example.com",
      "10.0.0.0/8/1",
      "10.0.0.0/x",
    ]) {
      expect(refusal({ ADMIN_ALLOWED_IPS: bad }).problems).toEqual([
        "ADMIN_ALLOWED_IPS must be addresses or CIDR ranges, e.g. 203.0.113.7,10.0.0.0/8",
      ]);
    }
    expect(refusal({ CONSOLE_PORT: "70000" }).problems).toEqual([
      "CONSOLE_PORT must be a port number (0–65535)",
    ]);
  });

  it("trusts no proxy unless TRUST_PROXY names one, in Express's forms", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: " " }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toEqual(["loopback"]);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 192.0.2.1,uniquelocal" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.0.2.1",
      "uniquelocal",
    ]);
    for (const bad of ["true", "all", "10.0.0.0/33", "-1", "1.5", "loopback,"]) {
      expect(refusal({ TRUST_PROXY: bad }).problems).toEqual([
        expect.stringMatching(/^TRUST_PROXY must be a hop count \(1\)/),
      ]);
    }
  });
});

describe("loadConfig: PAYMENT_PROVIDER", () => {
  it("uses Stripe by default, and the KOMOJU sandbox with PAYMENT_PROVIDER=komoju and no keys", () => {
    expect(loadConfig({})).toMatchObject({ paymentProvider: "stripe", komoju: undefined });
    expect(loadConfig({ PAYMENT_PROVIDER: " " }).paymentProvider).toBe("stripe");
    expect(loadConfig({ PAYMENT_PROVIDER: "komoju" })).toMatchObject({
      paymentProvider: "komoju",
      stripe: undefined,
      komoju: undefined,
    });
    expect(refusal({ PAYMENT_PROVIDER: "paypal" }).problems).toEqual([
      "PAYMENT_PROVIDER must be stripe or komoju",
    ]);
  });

  it("reads KOMOJU's keys, server and payment methods", () => {
    const config = loadConfig({
      PAYMENT_PROVIDER: "komoju",
      KOMOJU_SECRET_KEY: KOMOJU_KEY,
      KOMOJU_WEBHOOK_SECRET,
      KOMOJU_API_URL: "http://127.0.0.1:4242/komoju",
      KOMOJU_PAYMENT_METHODS: "card, konbini,paypay",
    });
    expect(config).toMatchObject({
      paymentProvider: "komoju",
      stripe: undefined,
      komoju: {
        secretKey: KOMOJU_KEY,
        webhookSecret: KOMOJU_WEBHOOK_SECRET,
        apiUrl: "http://127.0.0.1:4242/komoju",
        checkoutUrl: undefined,
        paymentMethods: ["card", "konbini", "paypay"],
      },
    });
    const real = loadConfig({
      PAYMENT_PROVIDER: "komoju",
      KOMOJU_SECRET_KEY: KOMOJU_KEY,
      KOMOJU_WEBHOOK_SECRET,
    });
    expect(real.komoju).toMatchObject({ apiUrl: undefined, paymentMethods: ["card"] });
  });

  it("refuses the other provider's variables, naming each", () => {
    expect(
      refusal({
        PAYMENT_PROVIDER: "komoju",
        STRIPE_SECRET_KEY: SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      }).problems,
    ).toEqual([
      "STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET are set, but PAYMENT_PROVIDER is komoju: unset them, or set PAYMENT_PROVIDER=stripe",
    ]);
    expect(
      refusal({ PAYMENT_PROVIDER: "komoju", STRIPE_PAYMENT_METHODS: "card" }).problems,
    ).toEqual([
      "STRIPE_PAYMENT_METHODS is set, but PAYMENT_PROVIDER is komoju: unset it, or set PAYMENT_PROVIDER=stripe",
    ]);
    expect(refusal({ KOMOJU_SECRET_KEY: KOMOJU_KEY, KOMOJU_WEBHOOK_SECRET }).problems).toEqual([
      "KOMOJU_SECRET_KEY, KOMOJU_WEBHOOK_SECRET are set, but PAYMENT_PROVIDER is stripe: unset them, or set PAYMENT_PROVIDER=komoju",
    ]);
    expect(
      refusal({
        PAYMENT_PROVIDER: "stripe",
        STRIPE_SECRET_KEY: SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        KOMOJU_API_URL: "https://komoju.com",
      }).problems,
    ).toEqual([
      "KOMOJU_API_URL is set, but PAYMENT_PROVIDER is stripe: unset it, or set PAYMENT_PROVIDER=komoju",
    ]);
  });

  it("refuses a KOMOJU key without its webhook secret, and a KOMOJU server without keys", () => {
    const together =
      "KOMOJU_SECRET_KEY and KOMOJU_WEBHOOK_SECRET go together: set both, or neither for the sandbox";
    expect(refusal({ PAYMENT_PROVIDER: "komoju", KOMOJU_SECRET_KEY: KOMOJU_KEY }).problems).toEqual(
      [together],
    );
    expect(refusal({ PAYMENT_PROVIDER: "komoju", KOMOJU_WEBHOOK_SECRET }).problems).toEqual([
      together,
    ]);
    expect(
      refusal({ PAYMENT_PROVIDER: "komoju", KOMOJU_API_URL: "http://127.0.0.1:4242/komoju" })
        .problems,
    ).toEqual([
      "KOMOJU_API_URL needs KOMOJU_SECRET_KEY and KOMOJU_WEBHOOK_SECRET (without them the app starts its own sandbox in KOMOJU mode)",
    ]);
  });

  it("checks KOMOJU settings with @linkpay/komoju's rules, each under its variable, never quoting a secret", () => {
    const error = refusal({
      PAYMENT_PROVIDER: "komoju",
      KOMOJU_SECRET_KEY: "pk_test_komojuPublishable0123456789",
      KOMOJU_WEBHOOK_SECRET: ` ${KOMOJU_WEBHOOK_SECRET}`,
      KOMOJU_API_URL: "ftp://komoju.example",
      KOMOJU_CHECKOUT_URL: "https://komoju.example/pay?x=1",
      KOMOJU_PAYMENT_METHODS: "card,alipay",
    });
    expect(error.problems).toEqual([
      "KOMOJU_PAYMENT_METHODS must list card, konbini or paypay, each once (card,konbini)",
      expect.stringMatching(/^KOMOJU_SECRET_KEY: secretKey is a publishable key/),
      expect.stringMatching(/^KOMOJU_API_URL: apiBaseUrl must use https:/),
      expect.stringMatching(/^KOMOJU_CHECKOUT_URL: checkoutBaseUrl must not have a query/),
      expect.stringMatching(/^KOMOJU_WEBHOOK_SECRET: webhookSecrets/),
    ]);
    const text = shown(error);
    expect(text).not.toContain("komojuPublishable");
    expect(text).not.toContain(KOMOJU_WEBHOOK_SECRET);
  });

  it("requires the chosen provider's key in production", () => {
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET,
      PUBLIC_BASE_URL: "https://rental.example",
      CONSOLE_PUBLIC_URL: "https://admin.rental.example",
    };
    expect(refusal({ ...production, PAYMENT_PROVIDER: "komoju" }).problems).toEqual([
      "KOMOJU_SECRET_KEY is required in production (the sandbox is for development)",
    ]);
    expect(
      loadConfig({
        ...production,
        PAYMENT_PROVIDER: "komoju",
        KOMOJU_SECRET_KEY: KOMOJU_KEY,
        KOMOJU_WEBHOOK_SECRET,
      }).komoju?.secretKey,
    ).toBe(KOMOJU_KEY);
  });
});
