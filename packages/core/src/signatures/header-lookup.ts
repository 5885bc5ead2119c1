/**
 * @module
 * Case-insensitive lookup in a plain headers record (Node's `IncomingHttpHeaders` fits).
 */

/** Request headers as a plain record; a repeated header may be an array of values. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Every value of header `name`, matched case-insensitively, in order.
 *
 * Array values are flattened, and keys differing only in case (possible in hand-built records)
 * all contribute, so a duplicated header is never silently dropped.
 */
export function getHeaderValues(headers: HeaderRecord, name: string): readonly string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === "string") values.push(value);
    else values.push(...value);
  }
  return values;
}

/**
 * The value of header `name` (case-insensitive), or undefined when absent.
 *
 * A header that occurs several times is joined with `separator` (default ", ", as HTTP does);
 * callers that need another rule (e.g. Standard Webhooks joins signatures with a space, and
 * refuses a repeated id or timestamp) use {@link getHeaderValues}.
 */
export function getHeader(
  headers: HeaderRecord,
  name: string,
  separator = ", ",
): string | undefined {
  const values = getHeaderValues(headers, name);
  return values.length === 0 ? undefined : values.join(separator);
}
