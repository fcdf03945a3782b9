/** @module Queries on the record of changes (the log's outbox and audit trail). */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

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
      'record_changes.log_index', 'record_changes.record_kind', 'record_changes.record_id', 'record_changes.version',
      'record_changes.op', 'record_changes.at', 'record_changes.actor_org_id', 'record_changes.actor_user_id', 'organisations.name as organisation_name',
    ])
    .orderBy('record_changes.id', 'desc')
    .limit(f.limit);
  if (f.kind !== undefined) q = q.where('record_changes.record_kind', '=', f.kind);
  if (f.id !== undefined) q = q.where('record_changes.record_id', '=', f.id);
  if (f.before !== undefined) q = q.where('record_changes.log_index', '<', f.before);
  return q.execute();
}

export type ChangeRow = Awaited<ReturnType<typeof listChanges>>[number];
