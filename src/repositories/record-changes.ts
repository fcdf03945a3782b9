/** @module Queries on the record of changes (the log's outbox and audit trail). */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, RecordChangeTable } from '../db/schema.ts';

export interface ChangeFilter {
  kind?: string | undefined;
  id?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export function listChanges(db: Kysely<DB>, f: ChangeFilter) {
  let q = db
    .selectFrom('record_changes')
    .leftJoin('organisations', 'organisations.id', 'record_changes.actor_org_id')
    .select([
      'record_changes.log_index',
      'record_changes.record_kind',
      'record_changes.record_id',
      'record_changes.version',
      'record_changes.op',
      'record_changes.at',
      'record_changes.actor_org_id',
      'record_changes.actor_user_id',
      'organisations.name as organisation_name',
    ])
    .orderBy('record_changes.id', 'desc')
    .limit(f.limit);
  if (f.kind !== undefined) q = q.where('record_changes.record_kind', '=', f.kind);
  if (f.id !== undefined) q = q.where('record_changes.record_id', '=', f.id);
  if (f.before !== undefined) q = q.where('record_changes.log_index', '<', f.before);
  return q.execute();
}

export type ChangeRow = Awaited<ReturnType<typeof listChanges>>[number];

/** Appends one row to the outbox (inside the writer's transaction); returns its id. */
export async function insertRecordChange(tx: Kysely<DB>, row: Insertable<RecordChangeTable>): Promise<number> {
  const inserted = await tx.insertInto('record_changes').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export interface ChangeCount {
  kind: string;
  op: string;
  count: number;
}

/** How many changes of each kind and operation were made in [from, to), by kind then operation. */
export async function countChangesBetween(db: Kysely<DB>, from: Date, to: Date): Promise<ChangeCount[]> {
  const result = await sql<ChangeCount>`
      select record_kind as kind, op, count(*)::int as count from record_changes
      where at >= ${from} and at < ${to} group by record_kind, op order by record_kind, op`.execute(db);
  return result.rows;
}

/** The number of entries in the log (0 before its state row exists). */
export async function logSize(db: Kysely<DB>): Promise<number> {
  const state = await db.selectFrom('log_state').select('size').executeTakeFirst();
  return state?.size ?? 0;
}
