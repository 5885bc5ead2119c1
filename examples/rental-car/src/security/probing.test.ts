/**
 * @module
 * Probing finds nothing: files that are not pages (the database, `.env`, `.git`, sources,
 * backups, path traversal) answer a plain 404 with no content or listing, and malformed URLs
 * answer without a 500, a stack trace or a link off the site.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import { HTML, raw } from "./attack-fixtures";
import { cspProblems } from "./html-checks";

describe("probing for files and URLs", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("files that are not pages", () => {
    it.each([
      "/.env",
      "/data/rental-car.db",
      "/data/",
      "/data",
      "/package.json",
      "/examples/rental-car/package.json",
      "/index.js.bak",
      "/backup.zip",
      "/.git/config",
      "/.git/HEAD",
      "/dist/",
      "/dist/main.js",
      "/src/main.ts",
      "/node_modules/",
      "/node_modules/express/package.json",
      "/assets/",
      "/assets/../package.json",
      "/assets/..%2f..%2fpackage.json",
      "/%2e%2e/%2e%2e/package.json",
      "/assets/site.css.bak",
      "/rental-car.db",
      "/tsconfig.json",
    ])("%s → 404 without content or listing", async (path) => {
      const answer = await raw(app, "GET", path, HTML);
      expect(answer.status).toBe(404);
      expect(answer.headers["content-type"]).toMatch(/^text\/html/);
      expect(cspProblems(String(answer.headers["content-security-policy"] ?? "") || null)).toEqual(
        [],
      );
      expect(answer.body).toContain(TEXTS.ja.pageNotFound);
      // The language switch repeats the requested path (escaped); nothing else may name it.
      const content = answer.body.replace(/<a href="[^"]*" hreflang="(ja|en)">/, "");
      const baseline = (await raw(app, "GET", "/no-such-page", HTML)).body;
      const file =
        path
          .split("/")
          .filter((part) => part !== "")
          .at(-1) ?? "";
      for (const leak of [
        "SQLite format",
        "[core]",
        "repositoryformatversion",
        "ref: refs/",
        '"dependencies"',
        "DATABASE_URL",
        "SESSION_SECRET",
        "Index of",
        "use strict",
        "@linkpay",
        ...(file.length > 3 && !baseline.includes(file) ? [decodeURIComponent(file)] : []),
      ]) {
        expect({ path, leak, found: content.includes(leak) }).toEqual({ path, leak, found: false });
      }
    });

    it("serves no directory listing anywhere", async () => {
      for (const path of [
        "/",
        "/assets/",
        "/data/",
        "/src/",
        "/dist/",
        "/node_modules/",
        "/.git/",
      ]) {
        const answer = await raw(app, "GET", path, HTML);
        expect({ path, listing: /Index of|<pre>|\.\.\//i.test(answer.body) }).toEqual({
          path,
          listing: false,
        });
        expect(answer.status).toBe(path === "/" ? 200 : 404);
      }
    });
  });

  describe("malformed URLs", () => {
    it.each([
      "//",
      "///",
      "/.//evil.example/x",
      "/./\\evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "/bookings/%E0%A4%A",
      "/bookings/%",
      "/%E0%A4%A",
      "/search?pickUpLocation=%E0%A4%A",
    ])("%s → no 500, no stack trace, and links that stay on this site", async (path) => {
      const answer = await raw(app, "GET", path, HTML);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body).not.toMatch(/TypeError|URIError|node:internal|\.js:\d+/);
      expect(answer.headers["content-type"]).toMatch(/^text\/html/);
      for (const [, href] of answer.body.matchAll(/href="([^"]*)"/g)) {
        expect({ path, href, offSite: /^(\/\/|\/\\|\\|[a-z]+:)/i.test(href ?? "") }).toEqual({
          path,
          href,
          offSite: false,
        });
      }
    });
  });
});
