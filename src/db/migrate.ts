/**
 * @module Applies pending migrations. Kysely's migrator takes a lock, so several app servers
 * starting at once on one PostgreSQL apply each migration exactly once.
 */
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from '../capabilities/index.ts';

/** Every capability's migrations (src/capabilities/index.ts), by the names databases recorded them under. */
const migrationProvider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...migrations }) };

export interface MigrationReport {
  applied: string[];
}

/** Runs every pending migration; throws with the failing migration's name and error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${name} failed: ${reason}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
