/**
 * @module The transparency log's storage: tiles and entry bundles (the layout production logs
 * converged on, not one row per node), the signed tree head, and the log's key.
 * A partial tile is one row overwritten as it grows; its prefix never changes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table log_state (
      id integer primary key check (id = 1),
      size bigint not null,
      root bytea not null,
      checkpoint text not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table log_tiles (
      level integer not null,
      idx bigint not null,
      width integer not null check (width between 1 and 256),
      data bytea not null,
      primary key (level, idx)
    )`.execute(db);
  await sql`
    create table log_entry_bundles (
      idx bigint primary key,
      width integer not null check (width between 1 and 256),
      data bytea not null
    )`.execute(db);
  // Entries of the rightmost bundle until it is full: appending one entry must not rewrite
  // up to 255 others (measured: a 100 KB bytea rewrite costs ~10 ms per commit on PGlite).
  await sql`create table log_entries (idx bigint primary key, data bytea not null)`.execute(db);
  await sql`
    create table log_keys (
      origin text primary key,
      signer_key text not null,
      verifier_key text not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index record_changes_record on record_changes (record_kind, record_id, version)`.execute(db);
}
