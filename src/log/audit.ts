/**
 * @module `truce audit`: the operator's check that the database still says what the log says.
 * Verifies the stored log itself, then compares every record row with its latest leaf, so a
 * row edited or deleted behind the application's back is reported by kind and id.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AUDITED_KINDS } from './kinds/index.ts';
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
  for (const k of AUDITED_KINDS) records.push(...(await k.load(db)));
  const mismatches = compareRecords(records, latestLeaves(entries), { kinds: AUDITED_KINDS.map((k) => k.kind) });
  return { size: checkpoint.size, records: records.length, mismatches };
}
