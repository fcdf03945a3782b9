/** @module The monitoring tables. Core PostgreSQL only (PGlite 18 and PostgreSQL 15): no extensions. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}
