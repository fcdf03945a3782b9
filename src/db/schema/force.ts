/** @module Kysely table types of the force tables (migration in src/db/migrations). */
export type ForceTables = Record<never, never>;
