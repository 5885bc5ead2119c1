/**
 * @module
 * Recognizes a unique-constraint violation from SQLite or PostgreSQL, the database's way of
 * telling the loser of a race that the row is taken.
 */

/** True when `error` is a primary-key or unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code: unknown = Reflect.get(error, "code");
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    code === "SQLITE_CONSTRAINT_UNIQUE"
  );
}
