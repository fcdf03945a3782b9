/**
 * @module The limits of a bulk import, and how it lets other users in. An import is checked,
 * planned and staged in small steps, but published in one transaction, so its size bounds the
 * one wait it can still cause: on PGlite (one session, running in this thread) the publish
 * step of a 10,000-row import holds the database for about a second (see `npm run bench`).
 */

export interface ImportLimits {
  /** Rows (CSV records or GeoJSON features) per import: TRUCE_IMPORT_MAX_ROWS. */
  maxRows: number;
  /** Bytes of the uploaded file: TRUCE_IMPORT_MAX_BYTES. */
  maxBytes: number;
}

/** 10,000 rows: the size the bench measures readers against; a larger file is split (each part all or nothing). */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxRows: 10_000, maxBytes: 20 * 1024 * 1024 };

/**
 * Lets the event loop take I/O (other users' requests) before the import goes on. PGlite runs
 * in this thread and answers through promise callbacks only, so a loop of queries on it never
 * reaches the event loop by itself: without this, waiting HTTP requests are not even read.
 */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
