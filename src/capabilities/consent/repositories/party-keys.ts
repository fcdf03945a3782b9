/** @module Every query of parties' own signing keys (migration 017). */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { PartyKeyTable } from '../schema.ts';

export type PartyKeyRow = Selectable<PartyKeyTable>;

export function listPartyKeyRows(db: Kysely<DB>): Promise<PartyKeyRow[]> {
  return db.selectFrom('party_keys').selectAll().orderBy('registered_at').orderBy('id').execute();
}

export function findPartyKeyByFingerprint(db: Kysely<DB>, fingerprint: string): Promise<PartyKeyRow | undefined> {
  return db.selectFrom('party_keys').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
}

/**
 * Locks the organisation's row until the transaction ends, then reads its current key. Both a
 * key's registration and an answer take this lock, so an unsigned answer can never commit after
 * (and enter the log after) the key that should have signed it.
 */
export async function lockCurrentPartyKey(tx: Kysely<DB>, organisationId: string): Promise<PartyKeyRow | undefined> {
  await tx.selectFrom('organisations').select('id').where('id', '=', organisationId).forUpdate().execute();
  return tx
    .selectFrom('party_keys')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export async function insertPartyKey(tx: Kysely<DB>, row: PartyKeyRow): Promise<void> {
  await tx.insertInto('party_keys').values(row).execute();
}

export async function retirePartyKey(
  tx: Kysely<DB>,
  id: string,
  change: Pick<PartyKeyRow, 'retired_at' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('party_keys').set(change).where('id', '=', id).execute();
}
