/** @module Queries on evidence files (stored by SHA-256). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface EvidenceMeta {
  sha256: string;
  media_type: string;
  size: number;
}

/** The hashes among `hashes` that were uploaded. */
export async function uploadedEvidence(db: Kysely<DB>, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const found = await db.selectFrom('evidence').select('sha256').where('sha256', 'in', [...hashes]).execute();
  return new Set(found.map((f) => f.sha256));
}

/** Type and size of the files among `hashes` (not their content). */
export function evidenceMeta(db: Kysely<DB>, hashes: readonly string[]): Promise<EvidenceMeta[]> {
  if (hashes.length === 0) return Promise.resolve([]);
  return db.selectFrom('evidence').select(['sha256', 'media_type', 'size']).where('sha256', 'in', [...hashes]).execute();
}
