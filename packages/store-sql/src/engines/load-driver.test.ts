import { describe, expect, it } from "@jest/globals";
import { errorOf } from "@linkpay/core/testing";
import { loadDriver } from "./load-driver";

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'\nRequire stack: …`), {
    code: "MODULE_NOT_FOUND",
  });
}

describe("loadDriver", () => {
  it("names the package and the install line when the driver is not installed", () => {
    const sqlite = errorOf(() =>
      loadDriver("better-sqlite3", (id) => {
        throw notFound(id);
      }),
    );
    expect(sqlite.code).toBe("CONFIG_INVALID");
    expect(sqlite.message).toContain("`npm install better-sqlite3@12`");
    expect(sqlite.details).toEqual({ option: "url", driver: "better-sqlite3" });
    const pg = errorOf(() =>
      loadDriver("pg", (id) => {
        throw notFound(id);
      }),
    );
    expect(pg.message).toMatch(
      /PostgreSQL URL, but its driver "pg" is not installed: run `npm install pg`/,
    );
  });

  it("lets a broken install through as it is (a module the driver needs is missing)", () => {
    const broken = notFound("pg-pool");
    expect(() =>
      loadDriver("pg", () => {
        throw broken;
      }),
    ).toThrow(broken);
  });

  it("returns the driver when it is there", () => {
    const driver = { Pool: class {} };
    expect(loadDriver("pg", () => driver)).toBe(driver);
  });
});
