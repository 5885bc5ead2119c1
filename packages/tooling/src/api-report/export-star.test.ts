import { describe, expect, it } from "@jest/globals";
import { findExportStars } from "./export-star";

describe("findExportStars", () => {
  it("finds export * and export * as, not named exports", () => {
    const source = [
      'export { a, type B } from "./a";',
      'export * from "./c";',
      'export type { D } from "./d";',
      'export * as e from "./e";',
      "export const f = 1;",
    ].join("\n");
    expect(findExportStars("index.ts", source)).toEqual([
      { line: 2, text: 'export * from "./c";' },
      { line: 4, text: 'export * as e from "./e";' },
    ]);
  });
});
