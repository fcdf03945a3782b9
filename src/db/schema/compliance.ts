/** @module Kysely table types of the compliance tables (migration in src/db/migrations). */
export type ComplianceTables = Record<never, never>;
