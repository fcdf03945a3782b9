/**
 * @module `truce audit`: the operator's check that the database still says what the log says.
 * Verifies the stored log itself, then compares every record row with its latest leaf, so a
 * row edited or deleted behind the application's back is reported by kind and id.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { publicFields } from '../services/public-fields.ts';
import { compareRecords, latestLeaves, type Mismatch, type RecordView } from './records-check.ts';
import { dbSource } from './db-source.ts';
import { verifyLog } from './verify-log.ts';

export interface AuditReport {
  size: number;
  records: number;
  mismatches: Mismatch[];
}

export async function auditDatabase(db: Kysely<DB>, vkey: string): Promise<AuditReport> {
  const { checkpoint, entries } = await verifyLog(dbSource(db), vkey);
  const records: RecordView[] = [];
  for (const m of await db.selectFrom('missions').selectAll().execute()) records.push({ kind: 'mission', id: m.id, version: 1, fields: publicFields.mission(m) });
  for (const o of await db.selectFrom('organisations').selectAll().execute()) records.push({ kind: 'organisation', id: o.id, version: o.version, fields: publicFields.organisation(o) });
  for (const u of await db.selectFrom('users').selectAll().execute()) records.push({ kind: 'user', id: u.id, version: u.version, fields: publicFields.user(u) });
  for (const c of await db.selectFrom('contributions').selectAll().execute()) records.push({ kind: 'contribution', id: c.id, version: c.version, fields: publicFields.contribution(c) });
  const mismatches = compareRecords(records, latestLeaves(entries), { kinds: ['mission', 'organisation', 'user', 'contribution'] });
  return { size: checkpoint.size, records: records.length, mismatches };
}
