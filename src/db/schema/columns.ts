/**
 * @module Column types shared by every table file. Apart from schema.ts so that the capability
 * table files (schema/*.ts) and schema.ts, which merges them, do not import each other.
 */
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json = ColumnType<unknown, string, string>;
