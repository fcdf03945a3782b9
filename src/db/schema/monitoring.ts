/** @module Kysely table types of the monitoring tables (migration in src/db/migrations). */
export type MonitoringTables = Record<never, never>;
