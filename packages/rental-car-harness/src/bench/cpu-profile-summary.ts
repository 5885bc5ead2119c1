/**
 * @module
 * Summarizes a V8 CPU profile (`node --cpu-prof`): self time by function and by package
 * (`node_modules` package, `@linkpay/*` workspace package, the app, Node.js internals, V8
 * builtins, garbage collection), as shares of the time the process was not idle.
 *
 *     node packages/rental-car-harness/dist/bench/cpu-profile-summary.js <file.cpuprofile> [top=20]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One row of a summary: a name, its self time (ms) and its share of busy time. */
export interface ProfileRow {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

/** The summary of one profile. */
export interface ProfileSummary {
  readonly busyMs: number;
  readonly idleMs: number;
  readonly functions: readonly ProfileRow[];
  /** Self time by the package of the frame itself. */
  readonly packages: readonly ProfileRow[];
  /** Self time charged to the nearest package frame on the stack (native and Node.js time too). */
  readonly charged: readonly ProfileRow[];
  /** Time by stage of the webhook path (see STAGES). */
  readonly stages: readonly ProfileRow[];
}

/** Where a frame's code comes from. */
export function packageOf(url: string, functionName: string): string {
  if (url === "") {
    if (functionName.startsWith("(")) return functionName;
    return "(V8 builtins / native)";
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0] ?? ""}`;
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 14).split("/");
    return scope?.startsWith("@") ? `${scope}/${name ?? ""}` : (scope ?? "?");
  }
  const workspace = /\/packages\/([^/]+)\//.exec(url);
  if (workspace !== null) return `@linkpay/${workspace[1]}`;
  if (url.includes("/examples/rental-car/")) return "rental-car app";
  return url;
}

/** Stages of the webhook path, by a frame somewhere on the sample's stack; first rule wins. */
const STAGES: readonly (readonly [string, (frame: ProfileNode["callFrame"]) => boolean])[] = [
  [
    "logging (pino, pino-http, redaction)",
    (f) =>
      /\/(pino|pino-http|sonic-boom|@pinojs|pino-std-serializers)\//.test(f.url) ||
      /express\/dist\/logging\//.test(f.url),
  ],
  ["booking e-mail rendering (app hook)", (f) => f.functionName === "confirmationMail"],
  ["signature check (stripe SDK, HMAC)", (f) => f.functionName === "verifyStripeWebhook"],
  ["event mapping (zod)", (f) => f.functionName === "mapStripeEvent"],
  ["pg driver (incl. socket writes)", (f) => /\/(pg|pg-protocol|pg-pool)\//.test(f.url)],
  ["kysely (query building, compiling)", (f) => /\/kysely\//.test(f.url)],
  ["linkpay store-sql", (f) => /\/packages\/store-sql\//.test(f.url)],
  ["linkpay core (apply, digest)", (f) => /\/packages\/core\//.test(f.url)],
  ["booking hook (app, other)", (f) => /\/examples\/rental-car\//.test(f.url)],
  ["linkpay express (route, raw body)", (f) => /\/packages\/express\//.test(f.url)],
  [
    "express, router, body readers",
    (f) => /\/(express|router|raw-body|body-parser|iconv-lite|finalhandler)\//.test(f.url),
  ],
  [
    "Node.js HTTP server and sockets",
    (f) => /^node:(_http|net|internal\/(stream|http))/.test(f.url),
  ],
];

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) return url.slice(modules + 14);
  const at = url.search(/\/(packages|examples)\//);
  return at >= 0 ? url.slice(at + 1) : url.replace(/^file:\/\//, "");
}

function rank(totals: Map<string, number>, busy: number, top: number): ProfileRow[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: busy > 0 ? ms / busy : 0 }));
}

/** Self time by function and by package, the `top` largest of each. */
export function summarizeProfile(file: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  /** The package of the nearest frame from `id` up that is neither native nor Node.js's. */
  const chargedTo = (id: number): string => {
    const leaf = byId.get(id)?.callFrame;
    let nodeModule: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame === undefined) break;
      if (frame.url.startsWith("node:")) nodeModule ??= packageOf(frame.url, frame.functionName);
      else if (frame.url !== "") return packageOf(frame.url, frame.functionName);
    }
    if (nodeModule !== undefined) return `${nodeModule} (no package on the stack)`;
    return leaf ? packageOf(leaf.url, leaf.functionName) : "?";
  };
  const stageOf = (id: number): string => {
    const frames: ProfileNode["callFrame"][] = [];
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame !== undefined) frames.push(frame);
    }
    for (const [stage, matches] of STAGES) if (frames.some(matches)) return stage;
    const leaf = frames[0];
    return leaf?.functionName.startsWith("(") ? leaf.functionName : "other";
  };
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  const charged = new Map<string, number>();
  const stages = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    if (frame.functionName === "(idle)") {
      idle += ms;
      continue;
    }
    busy += ms;
    const name = frame.url
      ? `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`
      : frame.functionName || "(anonymous)";
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const pkg = packageOf(frame.url, frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const to = chargedTo(id);
    charged.set(to, (charged.get(to) ?? 0) + ms);
    const stage = stageOf(id);
    stages.set(stage, (stages.get(stage) ?? 0) + ms);
  }
  return {
    busyMs: busy,
    idleMs: idle,
    functions: rank(functions, busy, top),
    packages: rank(packages, busy, top),
    charged: rank(charged, busy, top),
    stages: rank(stages, busy, top),
  };
}

/** The summary as two Markdown tables. */
export function profileMarkdown(summary: ProfileSummary): string {
  const table = (title: string, rows: readonly ProfileRow[]) => [
    `| ${title} | self ms | share of busy |`,
    "| --- | ---: | ---: |",
    ...rows.map(
      (row) =>
        `| ${row.name.replaceAll("|", "\\|")} | ${row.ms.toFixed(0)} | ${(row.share * 100).toFixed(1)} % |`,
    ),
  ];
  return [
    `busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s`,
    "",
    ...table("stage (first match on the stack)", summary.stages),
    "",
    ...table("package (native and Node.js time charged to the calling package)", summary.charged),
    "",
    ...table("package (self time of its own frames)", summary.packages),
    "",
    ...table("function (self time)", summary.functions),
  ].join("\n");
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write("usage: cpu-profile-summary <file.cpuprofile> [top]\n");
    process.exitCode = 2;
  } else {
    process.stdout.write(`${profileMarkdown(summarizeProfile(file, Number(top ?? 20)))}\n`);
  }
}
