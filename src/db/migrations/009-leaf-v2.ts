/**
 * @module Leaf format v2 (actor ids as commitments) starts at the log's size when this
 * migration runs: entries already published keep format v1 (the log is append-only), every
 * entry from this index on is v2. A fresh log has no `log_state` row yet; the sequencer creates
 * it with 0 (v2 from the first entry).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table log_state add column leaf_v2_from bigint`.execute(db);
  await sql`update log_state set leaf_v2_from = size`.execute(db);
}
