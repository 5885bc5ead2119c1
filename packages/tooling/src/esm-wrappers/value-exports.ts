/**
 * @module
 * The runtime (value) exports of CommonJS entry points, read from their declaration files with the
 * TypeScript compiler: types and `export type` re-exports have no runtime binding, so an ES module
 * wrapper must not name them.
 */
import ts from "typescript";

/** Maps each declaration file to its value export names, sorted. One program for all of them. */
export function valueExportsOf(declarationFiles: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram(declarationFiles, {
    module: ts.ModuleKind.Node20,
    target: ts.ScriptTarget.ES2023,
    types: [],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const isValue = (symbol: ts.Symbol): boolean => {
    if ((symbol.flags & ts.SymbolFlags.Alias) === 0) {
      return (symbol.flags & ts.SymbolFlags.Value) !== 0;
    }
    if (symbol.declarations?.some((node) => ts.isTypeOnlyImportOrExportDeclaration(node))) {
      return false;
    }
    return (checker.getAliasedSymbol(symbol).flags & ts.SymbolFlags.Value) !== 0;
  };
  const result = new Map<string, string[]>();
  for (const file of declarationFiles) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`${file} is not a module TypeScript can read`);
    const names = checker
      .getExportsOfModule(moduleSymbol)
      .filter(isValue)
      .map((symbol) => symbol.name);
    if (names.includes("default")) {
      throw new Error(`${file} has a default export; the wrappers only carry named exports`);
    }
    result.set(file, names.sort());
  }
  return result;
}
