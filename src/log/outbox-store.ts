/**
 * @module The sequencer's storage: the log's head row (`log_state`, locked for one integration
 * at a time) and the outbox it drains (`record_changes` rows without a log index). The tiles and
 * entries themselves are in ./tree-store.ts.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, LogStateTable, RecordChangeTable, RecordSecretTable } from '../db/schema.ts';

export type OutboxRow = Selectable<RecordChangeTable>;

/** Creates the head row of an empty log, unless one exists. */
export async function createHeadIfMissing(db: Kysely<DB>, head: Insertable<LogStateTable>): Promise<void> {
  await db
    .insertInto('log_state')
    .values(head)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Locks the head row until the transaction ends: one integration at a time, across servers. */
export function lockHead(tx: Kysely<DB>): Promise<{ size: number; leaf_v2_from: number | null }> {
  return tx
    .selectFrom('log_state')
    .select(['size', 'leaf_v2_from'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateHead(
  tx: Kysely<DB>,
  head: { size: number; root: Uint8Array; checkpoint: string; updated_at: Date },
): Promise<void> {
  await tx.updateTable('log_state').set(head).where('id', '=', 1).execute();
}

/** Up to `limit` changes not yet in the log, oldest first. */
export function pendingChanges(tx: Kysely<DB>, limit: number): Promise<OutboxRow[]> {
  return tx
    .selectFrom('record_changes')
    .selectAll()
    .where('log_index', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The log index of each of these changes (null while not yet integrated). */
export function indexesOfChanges(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<{ id: number; log_index: number | null }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('record_changes')
    .select(['id', 'log_index'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Gives each change its log index (one statement for the batch). */
export async function assignIndexes(tx: Kysely<DB>, assigned: readonly { id: number; index: number }[]): Promise<void> {
  await sql`update record_changes set log_index = v.idx
        from (values ${sql.join(assigned.map((a) => sql`(${a.id}::bigint, ${a.index}::bigint)`))}) as v(id, idx)
        where record_changes.id = v.id`.execute(tx);
}

/** Every logged version of these records, with its index. */
export async function loggedVersionsOf(
  tx: Kysely<DB>,
  recordIds: readonly string[],
): Promise<{ record_kind: string; record_id: string; version: number; log_index: number }[]> {
  if (recordIds.length === 0) return [];
  const rows = await tx
    .selectFrom('record_changes')
    .select(['record_kind', 'record_id', 'version', 'log_index'])
    .where('record_id', 'in', [...recordIds])
    .where('log_index', 'is not', null)
    .execute();
  return rows.map((r) => ({ ...r, log_index: r.log_index! }));
}

/** Stores the openings of the actors' commitments (leaf format v2). */
export async function insertActorSecrets(tx: Kysely<DB>, rows: Insertable<RecordSecretTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('record_secrets').values(rows).execute();
}
