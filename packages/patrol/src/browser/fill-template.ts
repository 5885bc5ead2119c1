/**
 * @module
 * The placeholders a journey's values may hold: `{email}` (this run's synthetic e-mail), `{run}`
 * (the run's id) and `{date+N}` (N days from today in Japan time, `YYYY-MM-DD`; `{date-N}` too).
 */

/** What the placeholders stand for in one run. */
export interface TemplateValues {
  readonly run: string;
  readonly email: string;
  readonly now: Date;
}

function dateIn(days: number, now: Date): string {
  // Japan has no daylight saving time: UTC+9 all year.
  const japan = new Date(now.getTime() + 9 * 3_600_000 + days * 86_400_000);
  return japan.toISOString().slice(0, 10);
}

/** `value` with its placeholders replaced; an unknown placeholder is left as written. */
export function fillTemplate(value: string, values: TemplateValues): string {
  return value.replace(
    /\{(email|run|date([+-]\d{1,4})?)\}/g,
    (_, name: string, offset?: string) => {
      if (name === "email") return values.email;
      if (name === "run") return values.run;
      return dateIn(Number(offset ?? 0), values.now);
    },
  );
}
