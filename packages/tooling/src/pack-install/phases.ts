/**
 * @module
 * Named, timed phases: each prints its duration, and a failure names the phase it happened in.
 */

/** An error raised inside a phase, carrying the phase's name. */
export class PhaseFailed extends Error {
  override readonly name = "PhaseFailed";
  constructor(
    readonly phase: string,
    cause: unknown,
  ) {
    super(`${phase} failed:\n${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Runs phases one after another, printing `name … seconds`. */
export function phaseRunner(print: (line: string) => void, now: () => number = Date.now) {
  const durations: { name: string; ms: number }[] = [];
  return {
    durations,
    async run<T>(name: string, work: () => Promise<T>): Promise<T> {
      const start = now();
      print(`== ${name}`);
      try {
        return await work();
      } catch (error) {
        throw error instanceof PhaseFailed ? error : new PhaseFailed(name, error);
      } finally {
        const ms = now() - start;
        durations.push({ name, ms });
        print(`   ${name}: ${(ms / 1000).toFixed(1)} s`);
      }
    },
  };
}
