/**
 * @module
 * Type-checks doc blocks the way a reader's project would compile them: each block is an ES
 * module (`.mts`, so top-level await works) placed inside packages/tooling, so `@linkpay/*`
 * resolves like an installed package, through package.json `exports` to the built `dist/*.d.ts`.
 * All blocks go into one TypeScript program, with the ambient declarations beside them, so the
 * libraries' declarations are read and checked once.
 */
import { join, relative, sep } from "node:path";
import ts from "typescript";
import type { DocBlock } from "./extract-blocks";

/** The strict settings a reader is expected to use; the docs must hold under them. */
export const DOC_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2023,
  lib: ["lib.es2023.d.ts"],
  types: ["node"],
  noEmit: true,
};

/** One TypeScript error, placed in the Markdown when it is in a block. */
export interface BlockDiagnostic {
  /** Repository-relative file: the Markdown file, or the declaration file at fault. */
  readonly file: string;
  /** 1-based line in that file (for a block: in the Markdown, not in the block). */
  readonly line: number;
  /** 1-based line of the block's opening fence, when the error is in a block. */
  readonly blockLine?: number | undefined;
  /** `TS2339: Property 'session' does not exist…`, nested explanations indented below. */
  readonly message: string;
}

/** What to check. */
export interface CheckBlocksInput {
  /** The repository root; block files are placed in `moduleDir` below it. */
  readonly root: string;
  /** The blocks to check (fragments are left out by the caller). */
  readonly blocks: readonly DocBlock[];
  /** Declaration files compiled with the blocks (the names blocks use without defining them). */
  readonly ambientFiles: readonly string[];
  /** The directory blocks are resolved from: its node_modules must hold what the docs import. */
  readonly moduleDir: string;
}

/** Every TypeScript error of the blocks, the ambient files and the declarations they load. */
export function checkBlocks(input: CheckBlocksInput): BlockDiagnostic[] {
  const virtual = new Map<string, DocBlock>();
  for (const block of input.blocks) {
    const name = `${block.file.replace(/[/\\.]/g, "_")}_L${block.line}.mts`;
    virtual.set(join(input.moduleDir, "doc-blocks", name), block);
  }
  const host = ts.createCompilerHost(DOC_COMPILER_OPTIONS);
  const { fileExists, getSourceFile, readFile } = host;
  host.getCurrentDirectory = () => input.root;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file)?.code ?? readFile.call(host, file);
  host.getSourceFile = (file, languageVersionOrOptions, ...rest) => {
    const block = virtual.get(file);
    return block
      ? ts.createSourceFile(file, block.code, languageVersionOrOptions, true)
      : getSourceFile.call(host, file, languageVersionOrOptions, ...rest);
  };

  const program = ts.createProgram({
    rootNames: [...input.ambientFiles, ...virtual.keys()],
    options: DOC_COMPILER_OPTIONS,
    host,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic): BlockDiagnostic => {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n  ")}`;
    const { file, start } = diagnostic;
    if (!file || start === undefined) return { file: "(program)", line: 0, message };
    const { line } = file.getLineAndCharacterOfPosition(start);
    const block = virtual.get(file.fileName);
    if (block)
      return { file: block.file, line: block.line + 1 + line, blockLine: block.line, message };
    return {
      file: relative(input.root, file.fileName).split(sep).join("/"),
      line: line + 1,
      message,
    };
  });
  return diagnostics.sort((a, b) => a.file.localeCompare(b.file, "en") || a.line - b.line);
}

/** `docs/express.md:52 (block at line 28) TS2339: …`: where to look, then what is wrong. */
export function formatDiagnostic(diagnostic: BlockDiagnostic): string {
  const where = `${diagnostic.file}:${diagnostic.line}`;
  const block =
    diagnostic.blockLine === undefined ? "" : ` (block at line ${diagnostic.blockLine})`;
  return `${where}${block} ${diagnostic.message}`;
}
