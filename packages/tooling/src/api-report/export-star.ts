/**
 * @module
 * Finds `export *` in a package root: such a line makes every export of the module it names
 * public, including what is added there later, so the roots list their exports by name.
 */
import ts from "typescript";

/** One `export * from …` (or `export * as name from …`) statement. */
export interface ExportStar {
  /** 1-based line. */
  readonly line: number;
  /** The statement as written. */
  readonly text: string;
}

/** The `export *` statements of a TypeScript source. */
export function findExportStars(fileName: string, source: string): ExportStar[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  return file.statements
    .filter(
      (statement) =>
        ts.isExportDeclaration(statement) &&
        (statement.exportClause === undefined || ts.isNamespaceExport(statement.exportClause)),
    )
    .map((statement) => ({
      line: file.getLineAndCharacterOfPosition(statement.getStart(file)).line + 1,
      text: statement.getText(file),
    }));
}
