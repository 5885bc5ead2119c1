/**
 * @module
 * `npm run test:packages`: the packages as npm users get them. Packs every published package,
 * checks each tarball (and runs publint and are-the-types-wrong on it), installs the tarballs with
 * npm into a CommonJS app and an ES module app outside the workspace, type-checks both under
 * node16 and nodenext, loads every entry point both ways, and runs one real paid checkout in each
 * against the sandbox started from the app. Exits non-zero naming the failed phase; always removes
 * its temporary folder and stops what it started.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkPackedPackage } from "./check-packed-package";
import { lintTarball } from "./lint-tarballs";
import { stopAll } from "./long-running-process";
import { packPackages } from "./pack-packages";
import { runPaidCheckout } from "./paid-checkout";
import { checkPatrolCli } from "./patrol-cli";
import { phaseRunner } from "./phases";
import { type AppKind, checkEntryPoints, createApp, typeCheckAndBuild } from "./throwaway-app";

const root = resolve(__dirname, "../../../..");
/** The PostgreSQL server the ES module app books on (the tests' variable and default). */
const postgresUrl =
  process.env.LINKPAY_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
/** Which store each app's checkout uses: core's memory store, and PostgreSQL. */
const STORES: Record<AppKind, string | undefined> = { commonjs: undefined, module: postgresUrl };

const print = (line: string) => process.stdout.write(`${line}\n`);

const work = mkdtempSync(join(tmpdir(), "linkpay-pack-"));

async function main(): Promise<void> {
  const phases = phaseRunner(print);
  const started = Date.now();
  try {
    const tarballs = join(work, "tarballs");
    mkdirSync(tarballs);
    const packed = await phases.run("pnpm pack", () => packPackages(root, tarballs));
    await phases.run("check tarballs", async () => {
      const problems = packed.flatMap((pkg) =>
        checkPackedPackage(pkg).map((p) => `${pkg.name}: ${p}`),
      );
      if (problems.length > 0) throw new Error(problems.join("\n"));
      print(`   ${packed.map((pkg) => `${pkg.name} (${pkg.files.length} files)`).join(", ")}`);
    });
    await phases.run("publint and are-the-types-wrong", async () => {
      for (const pkg of packed) await lintTarball(pkg.tarball, work);
    });
    for (const kind of ["commonjs", "module"] as const) {
      const app = await phases.run(`npm install (${kind} app)`, () =>
        createApp({ root, dir: join(work, `${kind}-app`), kind, packed }),
      );
      await phases.run(`type-check (${kind} app, node16 and nodenext)`, () =>
        typeCheckAndBuild(app),
      );
      await phases.run(`entry points, require and import (${kind} app)`, async () =>
        print(`   ${(await checkEntryPoints(app)).trim()}`),
      );
      const store = STORES[kind] === undefined ? "memory store" : "PostgreSQL";
      await phases.run(`paid checkout (${kind} app, ${store})`, async () =>
        print(`   ${await runPaidCheckout(app, STORES[kind])}`),
      );
      await phases.run(`patrol CLI (${kind} app)`, async () =>
        print(`   ${await checkPatrolCli(app)}`),
      );
    }
    print(`test:packages passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Ctrl-C or a CI time-out: stop the servers (their own process groups miss the signal) and
// remove the temporary folder before going.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    print(`\n${signal}: stopping`);
    stopAll().finally(() => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\ntest:packages FAILED: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
