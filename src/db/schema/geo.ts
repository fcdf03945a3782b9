/** @module Kysely table types of sectors and control lines (migration 003-geo). */
export type GeoTables = Record<never, never>;
