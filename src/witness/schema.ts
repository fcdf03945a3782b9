/**
 * @module The witness's own database (a witness is run by another party, not by the log
 * operator): what it last cosigned per log, and its key. Its own migration table, so a witness
 * may even share a PostgreSQL server with a log without touching the log's schema.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';

export interface WitnessDB {
  witness_logs: { origin: string; size: number; root: Uint8Array; updated_at: Date | string };
  witness_keys: { name: string; signer_key: string; verifier_key: string; created_at: Date | string };
}

const MIGRATIONS: Record<string, Migration> = {
  '001-witness': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table witness_logs (
          origin text primary key,
          size bigint not null check (size >= 0),
          root bytea not null,
          updated_at timestamptz not null
        )`.execute(db);
      await sql`
        create table witness_keys (
          name text primary key,
          signer_key text not null,
          verifier_key text not null,
          created_at timestamptz not null
        )`.execute(db);
    },
  },
};

export async function migrateWitness(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    migrationTableName: 'witness_migration',
    migrationLockTableName: 'witness_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error)
    throw new Error(`witness migration failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
}
