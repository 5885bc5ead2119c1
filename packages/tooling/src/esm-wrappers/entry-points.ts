/**
 * @module
 * Reads a package's entry points from its `exports` map, in the one shape our published packages
 * use: `import` (the generated ES module wrapper and its `.d.mts`) and `require` (tsc's CommonJS
 * build and its `.d.ts`), each with `types` first. Anything else is refused with the reason.
 */

/** One public entry point (`.`, `./testing`, …) and its four files, relative to the package. */
export interface EntryPoint {
  /** The subpath as written in `exports`, e.g. `./testing`. */
  readonly subpath: string;
  /** The specifier an app imports, e.g. `@linkpay/core/testing`. */
  readonly specifier: string;
  readonly cjs: string;
  readonly cjsTypes: string;
  readonly esm: string;
  readonly esmTypes: string;
}

/** The part of a package.json this module reads. */
export interface PackageManifest {
  readonly name: string;
  readonly exports?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function condition(
  target: Record<string, unknown>,
  name: "import" | "require",
  where: string,
): { types: string; default: string } {
  const branch = target[name];
  if (!isRecord(branch)) throw new Error(`${where} has no "${name}" condition`);
  const keys = Object.keys(branch);
  // TypeScript and Node take the first matching condition, so `types` must come before `default`.
  if (keys.join() !== "types,default") {
    throw new Error(`${where}.${name} must be { "types", "default" } in that order, got ${keys}`);
  }
  const { types, default: file } = branch;
  if (typeof types !== "string" || typeof file !== "string") {
    throw new Error(`${where}.${name} must map to file paths`);
  }
  return { types, default: file };
}

function expectSibling(
  esm: string,
  cjs: string,
  esmSuffix: string,
  cjsSuffix: string,
  where: string,
) {
  if (!cjs.endsWith(cjsSuffix) || esm !== `${cjs.slice(0, -cjsSuffix.length)}${esmSuffix}`) {
    throw new Error(`${where}: expected ${esmSuffix} beside ${cjs}, got ${esm}`);
  }
}

/** The entry points of `manifest`, or an error naming the first one not in the dual shape. */
export function entryPointsOf(manifest: PackageManifest): EntryPoint[] {
  if (!isRecord(manifest.exports)) throw new Error(`${manifest.name}: "exports" must be an object`);
  const entries: EntryPoint[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (subpath === "./package.json") continue;
    const where = `${manifest.name} exports["${subpath}"]`;
    if (!isRecord(target) || Object.keys(target).join() !== "import,require") {
      throw new Error(`${where} must have exactly the "import" and "require" conditions`);
    }
    const esm = condition(target, "import", where);
    const cjs = condition(target, "require", where);
    expectSibling(esm.default, cjs.default, ".mjs", ".js", where);
    expectSibling(esm.types, cjs.types, ".d.mts", ".d.ts", where);
    entries.push({
      subpath,
      specifier: subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      cjs: cjs.default,
      cjsTypes: cjs.types,
      esm: esm.default,
      esmTypes: esm.types,
    });
  }
  if (entries.length === 0) throw new Error(`${manifest.name}: "exports" has no entry point`);
  return entries;
}
