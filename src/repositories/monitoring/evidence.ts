/** @module Evidence files, stored once by SHA-256 (the same photo sent twice is one row). */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EvidenceTable } from '../../db/schema/monitoring.ts';

/** Stores a file unless its hash is already there (content-addressed: same hash, same bytes). */
export async function insertEvidence(db: Kysely<DB>, row: Insertable<EvidenceTable>): Promise<void> {
  await db
    .insertInto('evidence')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export function findEvidence(
  db: Kysely<DB>,
  sha256: string,
): Promise<{ media_type: string; content: Uint8Array } | undefined> {
  return db.selectFrom('evidence').select(['media_type', 'content']).where('sha256', '=', sha256).executeTakeFirst();
}

export interface EvidenceMeta {
  sha256: string;
  media_type: string;
  size: number;
}

/** The hashes among `hashes` that were uploaded. */
export async function uploadedEvidence(db: Kysely<DB>, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const found = await db
    .selectFrom('evidence')
    .select('sha256')
    .where('sha256', 'in', [...hashes])
    .execute();
  return new Set(found.map((f) => f.sha256));
}

/** Type and size of the files among `hashes` (not their content). */
export function evidenceMeta(db: Kysely<DB>, hashes: readonly string[]): Promise<EvidenceMeta[]> {
  if (hashes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evidence')
    .select(['sha256', 'media_type', 'size'])
    .where('sha256', 'in', [...hashes])
    .execute();
}
