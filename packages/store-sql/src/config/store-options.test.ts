import { describe, expect, it } from "@jest/globals";
import { isLinkpayError, type LinkpayError } from "@linkpay/core";
import { redactConnectionUrl } from "./connection-url";
import { resolveStoreOptions, type SqlStoreOptions } from "./store-options";

function configError(options: SqlStoreOptions): LinkpayError {
  try {
    resolveStoreOptions(options);
  } catch (error) {
    if (isLinkpayError(error, "CONFIG_INVALID")) return error;
    throw error;
  }
  throw new Error("expected CONFIG_INVALID");
}

const SECRET_URL = "postgres://shop:hunter2-secret@db.internal:5432/shop";

describe("store options", () => {
  it("picks the engine from the connection string and applies defaults", () => {
    expect(resolveStoreOptions({ url: "sqlite:./data/app.db" })).toMatchObject({
      target: { dialect: "sqlite", filename: "./data/app.db", memory: false },
      tablePrefix: "linkpay_",
      busyTimeoutMs: 5_000,
      rawPayloadRetentionDays: 90,
      sqliteSynchronous: "full",
    });
    expect(resolveStoreOptions({ url: "sqlite::memory:" }).target).toMatchObject({ memory: true });
    for (const url of [SECRET_URL, "postgresql://u@localhost/db"]) {
      expect(resolveStoreOptions({ url, poolSize: 3 })).toMatchObject({
        target: { dialect: "postgres", connectionString: url },
        poolSize: 3,
      });
    }
  });

  it.each<[string, SqlStoreOptions]>([
    ["url", { url: "mysql://root@localhost/shop" }],
    ["url", { url: "sqlite:" }],
    ["url", { url: "not a url" }],
    ["tablePrefix", { url: "sqlite::memory:", tablePrefix: "drop table; --" }],
    ["tablePrefix", { url: "sqlite::memory:", tablePrefix: "Upper_" }],
    ["busyTimeoutMs", { url: "sqlite::memory:", busyTimeoutMs: -1 }],
    ["poolSize", { url: SECRET_URL, poolSize: 0 }],
    ["poolSize", { url: SECRET_URL, poolSize: 1.5 }],
    ["rawPayloadRetentionDays", { url: SECRET_URL, rawPayloadRetentionDays: 0 }],
    ["sqliteSynchronous", { url: "sqlite::memory:", sqliteSynchronous: "off" as "full" }],
  ])("names the bad option %s", (option, options) => {
    const error = configError(options);
    expect(error.details).toEqual({ option });
    expect(error.message).toContain(`"${option}"`);
  });

  it("names an unknown option", () => {
    const options = { url: "sqlite::memory:", poolsize: 3 } as SqlStoreOptions;
    expect(configError(options).message).toContain("poolsize");
  });

  it("never prints the password", () => {
    const error = configError({ url: SECRET_URL.replace("postgres:", "mysql:") });
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain("hunter2");
    expect(configError({ url: SECRET_URL, poolSize: -4 }).message).not.toContain("hunter2");
    expect(redactConnectionUrl(SECRET_URL)).toBe("postgres://shop:***@db.internal:5432/shop");
    expect(redactConnectionUrl("postgres://u@h/db?password=hunter2")).not.toContain("hunter2");
  });
});
