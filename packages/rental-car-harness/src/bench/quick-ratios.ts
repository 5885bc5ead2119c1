/**
 * @module
 * The ratios a benchmark writes to its results file (`ratios: [...]`), and the quick mode's
 * verdict on each: a ratio whose target is "at least T" regresses below T / 2; one whose target is
 * "at most T" (a latency ratio) regresses above 2 × T. A path whose full runs still miss its
 * target by more than that names its own bound (`bound`, from its last full run, stated in
 * docs/benchmarks.md): a guard that always failed would guard nothing.
 */

/** One measured ratio against its target, as every benchmark writes it. */
export interface Ratio {
  /** What was compared, e.g. "store, SQLite file ÷ raw driver". */
  readonly path: string;
  readonly value: number;
  readonly target: number;
  /** "higher": the target is a floor (throughput); "lower": a ceiling (latency). */
  readonly better: "higher" | "lower";
  /** Where the quick mode fails instead of half (or twice) the target; see the module comment. */
  readonly bound?: number | undefined;
}

/** The quick mode's reading of one ratio. */
export interface Verdict {
  readonly status: "target met" | "target missed" | "regressed";
  /** The target, written as a bound ("≥ 0.90×"). */
  readonly target: string;
  /** Where the quick mode fails ("< 0.45×"). */
  readonly floor: string;
}

function isRatio(value: unknown): value is Ratio {
  if (typeof value !== "object" || value === null) return false;
  const { path, value: measured, target, better, bound } = value as Record<string, unknown>;
  return (
    typeof path === "string" &&
    typeof measured === "number" &&
    Number.isFinite(measured) &&
    typeof target === "number" &&
    target > 0 &&
    (better === "higher" || better === "lower") &&
    (bound === undefined || (typeof bound === "number" && bound > 0))
  );
}

/** The `ratios` of a results file; throws when there are none or one is malformed. */
export function parseRatios(file: string, results: unknown): readonly Ratio[] {
  const ratios =
    typeof results === "object" && results !== null
      ? (results as Record<string, unknown>).ratios
      : undefined;
  if (!Array.isArray(ratios) || ratios.length === 0) {
    throw new Error(`${file}: no "ratios" in the results`);
  }
  const malformed = ratios.find((ratio) => !isRatio(ratio));
  if (malformed !== undefined) {
    throw new Error(`${file}: malformed ratio ${JSON.stringify(malformed)}`);
  }
  return ratios as Ratio[];
}

/** Met, below the target but within half of it, or regressed beyond half of it. */
export function verdictOf(ratio: Ratio): Verdict {
  const x = (n: number) => `${n.toFixed(2)}×`;
  if (ratio.better === "higher") {
    const floor = ratio.bound ?? ratio.target / 2;
    return {
      status:
        ratio.value >= ratio.target
          ? "target met"
          : ratio.value >= floor
            ? "target missed"
            : "regressed",
      target: `≥ ${x(ratio.target)}`,
      floor: `< ${x(floor)}`,
    };
  }
  const ceiling = ratio.bound ?? ratio.target * 2;
  return {
    status:
      ratio.value <= ratio.target
        ? "target met"
        : ratio.value <= ceiling
          ? "target missed"
          : "regressed",
    target: `≤ ${x(ratio.target)}`,
    floor: `> ${x(ceiling)}`,
  };
}
