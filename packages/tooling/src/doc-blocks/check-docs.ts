/**
 * @module
 * The repository's doc check: every ```ts block of the README, `docs/` and the packages' READMEs,
 * compiled against the built packages with the ambient names in `doc-globals.d.ts`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../repo-root";
import { type BlockDiagnostic, checkBlocks } from "./check-blocks";
import { docFiles } from "./doc-files";
import { type DocBlock, extractBlocks, type MarkerProblem } from "./extract-blocks";

/** The outcome of the doc check. */
export interface DocsReport {
  /** Every ```ts block found, fragments included. */
  readonly blocks: readonly DocBlock[];
  /** The blocks marked as fragments (not compiled). */
  readonly fragments: readonly DocBlock[];
  readonly markerProblems: readonly MarkerProblem[];
  readonly diagnostics: readonly BlockDiagnostic[];
}

/** Where the ambient declarations are (in `src`, also when this runs from `dist`). */
export function docGlobalsFile(root: string): string {
  return join(root, "packages", "tooling", "src", "doc-blocks", "doc-globals.d.ts");
}

/** Extracts and type-checks the doc blocks of the repository at `root`. */
export function checkDocs(root: string = repoRoot()): DocsReport {
  const blocks: DocBlock[] = [];
  const markerProblems: MarkerProblem[] = [];
  for (const file of docFiles(root)) {
    const extracted = extractBlocks(file, readFileSync(join(root, file), "utf8"));
    blocks.push(...extracted.blocks);
    markerProblems.push(...extracted.problems);
  }
  const fragments = blocks.filter((block) => block.fragmentReason !== undefined);
  const diagnostics = checkBlocks({
    root,
    blocks: blocks.filter((block) => block.fragmentReason === undefined),
    ambientFiles: [docGlobalsFile(root)],
    moduleDir: join(root, "packages", "tooling"),
  });
  return { blocks, fragments, markerProblems, diagnostics };
}
