/**
 * @module The ordered list of migrations. Names sort in the order they must run; never edit a
 * migration that has shipped, add a new one.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation.ts';
import * as log from './002-log.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-log': log,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

export type AnyDb = Kysely<unknown>;
