/** @module Recognising database errors that are the caller's conflict, not a server fault. */

/** SQLSTATE 23505 (unique violation) on both engines: pg and PGlite errors carry `code`. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';
}
