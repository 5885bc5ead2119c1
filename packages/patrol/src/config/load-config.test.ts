import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import { parsePatrolConfig, readPatrolConfig } from "./load-config";
import type { PatrolConfigFile } from "./patrol-config";

const valid: PatrolConfigFile = {
  site: "https://rent.example.jp",
  pages: ["/", "/cancellation-policy"],
  journeys: [
    {
      name: "book a car",
      start: "/?lang=ja",
      steps: [
        { click: "form.search button[type=submit]" },
        { fill: "input[name=email]", value: "{email}" },
        { readAmount: "td.total", currency: "JPY" },
        { submit: "form.details button[type=submit]" },
      ],
    },
  ],
  provider: { type: "stripe", secretKey: { env: "PATROL_STRIPE_KEY" } },
};

const env = { PATROL_STRIPE_KEY: "rk_live_patrol" };

function problem(input: unknown, environment: NodeJS.ProcessEnv = env): string {
  try {
    parsePatrolConfig(input, { baseDir: "/srv/patrol", env: environment });
  } catch (error) {
    if (isLinkpayError(error, "CONFIG_INVALID")) return error.message;
    throw error;
  }
  throw new Error("the config was accepted");
}

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

describe("parsePatrolConfig", () => {
  it("accepts a valid config, fills defaults and resolves the secret and paths", () => {
    const config = parsePatrolConfig(valid, { baseDir: "/srv/patrol", env });
    expect(config.provider.secretKey).toBe("rk_live_patrol");
    expect(config.stateDir).toBe("/srv/patrol/patrol-state");
    expect(config.email).toBe("patrol+{run}@example.com");
    expect(config.alerts).toEqual([{ type: "log" }]);
    expect(config.browser.timeoutMs).toBe(15_000);
  });

  it("names the bad key of a nested mistake", () => {
    const bad = structuredClone(valid) as { journeys: { steps: unknown[] }[] };
    bad.journeys[0]?.steps.splice(1, 1, { fil: "input" });
    expect(problem(bad)).toContain("journeys[0].steps[1]");
  });

  it("refuses a site given with a path, and a journey that does not end in a submit", () => {
    expect(problem({ ...valid, site: "https://rent.example.jp/shop" })).toMatch(
      /^patrol config is invalid:\n {2}site: an origin only/,
    );
    const noSubmit = { ...valid, journeys: [{ name: "x", start: "/", steps: [{ click: "a" }] }] };
    expect(problem(noSubmit)).toContain(
      "journeys[0].steps: the last step, and only the last, must be a submit",
    );
  });

  it("writes the site as browsers write origins (a trailing slash would make every own hop 'off-list')", () => {
    expect(
      parsePatrolConfig({ ...valid, site: "https://rent.example.jp/" }, { baseDir: "/srv", env })
        .site,
    ).toBe("https://rent.example.jp");
  });

  it("refuses a journey that does not read the amount shown, and a patrol that alerts nobody", () => {
    const noAmount = {
      ...valid,
      journeys: [{ name: "x", start: "/", steps: [{ submit: "button" }] }],
    };
    expect(problem(noAmount)).toContain("journeys[0].steps: needs one readAmount step");
    expect(problem({ ...valid, alerts: [] })).toContain("alerts: at least one alert sink");
  });

  it("refuses unknown keys (a typo must not silently switch a check off)", () => {
    expect(problem({ ...valid, cspReport: {} })).toContain('Unrecognized key: "cspReport"');
  });

  it("says which environment variable is missing, without any secret in the message", () => {
    const message = problem(valid, {});
    expect(message).toBe(
      "patrol config: provider.secretKey: the environment variable PATROL_STRIPE_KEY is not set",
    );
  });

  it("accepts a KOMOJU provider: its key from a secret, base URLs, sessions ended by default", () => {
    const komoju = {
      type: "komoju",
      secretKey: { env: "PATROL_KOMOJU_KEY" },
      apiBaseUrl: "http://127.0.0.1:4242/komoju",
    };
    const config = parsePatrolConfig(
      { ...valid, provider: komoju },
      { baseDir: "/srv/patrol", env: { PATROL_KOMOJU_KEY: "sk_test_patrol\n" } },
    );
    expect(config.provider).toEqual({
      type: "komoju",
      secretKey: "sk_test_patrol",
      apiBaseUrl: "http://127.0.0.1:4242/komoju",
      expireSessions: true,
    });
    expect(problem({ ...valid, provider: komoju }, {})).toBe(
      "patrol config: provider.secretKey: the environment variable PATROL_KOMOJU_KEY is not set",
    );
    expect(problem({ ...valid, provider: { ...komoju, checkoutBaseUrl: "komoju.com" } })).toContain(
      "provider.checkoutBaseUrl: an absolute http(s) URL",
    );
    // checkoutOrigins is Stripe's: KOMOJU's origin follows from checkoutBaseUrl.
    expect(
      problem({ ...valid, provider: { ...komoju, checkoutOrigins: ["https://komoju.com"] } }),
    ).toContain('Unrecognized key: "checkoutOrigins"');
  });

  it("names the valid provider types for an unknown or missing one", () => {
    const expected = 'provider.type: must be one of "stripe", "komoju"';
    expect(problem({ ...valid, provider: { type: "adyen", secretKey: { env: "K" } } })).toContain(
      expected,
    );
    expect(problem({ ...valid, provider: { secretKey: { env: "K" } } })).toContain(expected);
  });

  it("reads a secret from a file relative to the config file", () => {
    const directory = mkdtempSync(join(tmpdir(), "patrol-config-"));
    directories.push(directory);
    writeFileSync(join(directory, "key"), "rk_test_from_file\n");
    writeFileSync(
      join(directory, "patrol.json"),
      JSON.stringify({ ...valid, provider: { type: "stripe", secretKey: { file: "key" } } }),
    );
    expect(readPatrolConfig(join(directory, "patrol.json"), {}).provider.secretKey).toBe(
      "rk_test_from_file",
    );
  });

  it("explains a file that is not JSON", () => {
    const directory = mkdtempSync(join(tmpdir(), "patrol-config-"));
    directories.push(directory);
    writeFileSync(join(directory, "patrol.json"), "{ site: ");
    expect(() => readPatrolConfig(join(directory, "patrol.json"), env)).toThrow(
      /is not valid JSON/,
    );
  });
});
