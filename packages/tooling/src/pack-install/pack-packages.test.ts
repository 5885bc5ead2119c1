import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "@jest/globals";
import { PNPM } from "./pack-packages";

it("packs with the pnpm the workspace installs with", () => {
  const root = JSON.parse(readFileSync(join(__dirname, "../../../../package.json"), "utf8"));
  expect(root.scripts.setup).toContain(`npx -y ${PNPM} install`);
});
