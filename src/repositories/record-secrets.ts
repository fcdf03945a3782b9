/**
 * @module Queries on `record_secrets`: the salts of restricted fields (openings), by record for
 * the API's allowed readers, and by log entry for `truce audit`.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, RecordSecretTable } from '../db/schema.ts';
import { ACTOR_SECRET_FIELD } from '../log/leaf.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Field -> salt (hex) of the latest version of each record, for records of `kind` in `ids`. */
export async function openingsOf(
  db: Kysely<DB>,
  kind: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('record_secrets')
    .innerJoin('record_changes', 'record_changes.id', 'record_secrets.change_id')
    .select(['record_changes.record_id', 'record_changes.version', 'record_secrets.field', 'record_secrets.salt'])
    .where('record_changes.record_kind', '=', kind)
    .where('record_changes.record_id', 'in', [...new Set(ids)])
    .where('record_secrets.field', '<>', ACTOR_SECRET_FIELD)
    .execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.record_id, Math.max(latest.get(r.record_id) ?? 0, r.version));
  for (const r of rows) {
    if (r.version !== latest.get(r.record_id)) continue;
    const salts = out.get(r.record_id) ?? {};
    salts[r.field] = hex(r.salt);
    out.set(r.record_id, salts);
  }
  return out;
}

export interface LoggedChangeSecrets {
  logIndex: number;
  actorUserId: string | null;
  /** Field -> salt (hex); the actor's under ACTOR_SECRET_FIELD. */
  salts: Record<string, string>;
}

/** Every sequenced change with its salts, by log index (for `truce audit`). */
export async function secretsByLogIndex(db: Kysely<DB>): Promise<Map<number, LoggedChangeSecrets>> {
  const rows = await db
    .selectFrom('record_changes')
    .leftJoin('record_secrets', 'record_secrets.change_id', 'record_changes.id')
    .select(['record_changes.log_index', 'record_changes.actor_user_id', 'record_secrets.field', 'record_secrets.salt'])
    .where('record_changes.log_index', 'is not', null)
    .execute();
  const out = new Map<number, LoggedChangeSecrets>();
  for (const r of rows) {
    const index = r.log_index!;
    const entry = out.get(index) ?? { logIndex: index, actorUserId: r.actor_user_id, salts: {} };
    if (r.field !== null && r.salt !== null) entry.salts[r.field] = hex(r.salt);
    out.set(index, entry);
  }
  return out;
}

/** Stores the salts and values behind a change's commitments (inside the writer's transaction). */
export async function insertRecordSecrets(tx: Kysely<DB>, rows: Insertable<RecordSecretTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('record_secrets').values(rows).execute();
}
