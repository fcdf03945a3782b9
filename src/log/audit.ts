/**
 * @module `truce audit`: the operator's check that the database still says what the log says.
 * Verifies the stored log itself, then compares every record row with its latest leaf: public
 * fields as they are, restricted fields by recomputing each commitment from the row's value and
 * the stored salt, and (leaf format v2) each entry's actor commitment from the audit trail's
 * user id. A row or secret edited or deleted behind the application's back is reported by kind,
 * id and field.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AUDITED_KINDS } from './kinds/index.ts';
import { compareRecords, latestLeaves, openCommitment, type Mismatch, type RecordView } from './records-check.ts';
import { dbSource } from './db-source.ts';
import { verifyLog } from './verify-log.ts';
import { ACTOR_SECRET_FIELD, decodeLeaf, type Leaf } from './leaf.ts';
import { secretsByLogIndex, type LoggedChangeSecrets } from '../repositories/record-secrets.ts';

export interface AuditReport {
  size: number;
  records: number;
  mismatches: Mismatch[];
}

export async function auditDatabase(db: Kysely<DB>, vkey: string): Promise<AuditReport> {
  const { checkpoint, entries } = await verifyLog(dbSource(db), vkey);
  const records: RecordView[] = [];
  for (const k of AUDITED_KINDS) records.push(...(await k.load(db)));
  const latest = latestLeaves(entries);
  const secrets = await secretsByLogIndex(db);
  // The salts stored for the change each record's latest leaf came from.
  const opened = records.map((r) => ({
    ...r,
    salts: secrets.get(latest.get(`${r.kind}/${r.id}`)?.index ?? -1)?.salts ?? {},
  }));
  const mismatches = compareRecords(opened, latest, { kinds: AUDITED_KINDS.map((k) => k.kind) });
  mismatches.push(...checkActors(entries, secrets));
  return { size: checkpoint.size, records: records.length, mismatches };
}

/** Every v2 entry's actor commitment must open to the user id the audit trail holds for it. */
function checkActors(entries: readonly Uint8Array[], secrets: Map<number, LoggedChangeSecrets>): Mismatch[] {
  const out: Mismatch[] = [];
  entries.forEach((bytes, index) => {
    let leaf: Leaf;
    try {
      leaf = decodeLeaf(bytes);
    } catch {
      return;
    }
    if (leaf.v !== 2) return;
    const change = secrets.get(index);
    const problem = (p: string) => out.push({ kind: leaf.kind, id: leaf.id, problem: p });
    if (!change) return problem(`log entry ${index} has no change in the database`);
    if (leaf.user === null) {
      if (change.actorUserId !== null)
        problem(`actor of log entry ${index} is recorded as a user but the entry names none`);
      return;
    }
    const salt = change.salts[ACTOR_SECRET_FIELD];
    if (change.actorUserId === null || salt === undefined || openCommitment(salt, change.actorUserId) !== leaf.user) {
      problem(`actor of log entry ${index} does not match its commitment`);
    }
  });
  return out;
}
