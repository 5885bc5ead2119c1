/**
 * @module
 * Tests of the include/exclude filter.
 */
import { describe, expect, it } from "@jest/globals";
import { createPathFilter } from "./path-filter";

describe("createPathFilter", () => {
  it("covers every path when no patterns are given", () => {
    const covers = createPathFilter({});
    expect(["a.js", "deep/er/b.css", ".htaccess"].every(covers)).toBe(true);
  });

  it("treats an empty include list like no include list", () => {
    expect(createPathFilter({ include: [] })("a.js")).toBe(true);
  });

  it("matches dotfiles, the usual home of a backdoor", () => {
    const covers = createPathFilter({ include: ["public/**"] });
    expect(covers("public/.user.ini")).toBe(true);
    expect(covers("public/.well-known/x.php")).toBe(true);
    expect(covers("src/a.ts")).toBe(false);
  });

  it("lets exclude win over include", () => {
    const covers = createPathFilter({ include: ["**"], exclude: ["logs/**", "**/*.log"] });
    expect(covers("logs/.hidden/today.txt")).toBe(false);
    expect(covers("app/debug.log")).toBe(false);
    expect(covers("app/index.js")).toBe(true);
  });

  it("supports ? for one character", () => {
    const covers = createPathFilter({ exclude: ["cache-?.bin"] });
    expect(covers("cache-1.bin")).toBe(false);
    expect(covers("cache-10.bin")).toBe(true);
  });
});
