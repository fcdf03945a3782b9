/**
 * @module What the log's public endpoints read (see api/log-routes.ts): the published head, hash
 * tiles, entry bundles, and an entry's inclusion proof. Storage stays behind these functions so
 * the HTTP layer never queries the database.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { encodeBase64, formatTlogProof, inclusionProofFromTiles, type TilePath } from '../tlog/node.ts';
import { readEntry, readEntryBundle, readHashTile } from './tree-store.ts';

export interface LogServing {
  /** Publish only checkpoints a quorum of witnesses cosigned (see src/log/publisher.ts). */
  witnessed: boolean;
}

export interface PublishedHead {
  size: number;
  checkpoint: string;
}

/** The checkpoint this server publishes: the log's own, or the latest witness-cosigned one (none yet: undefined). */
export async function publishedHead(db: Kysely<DB>, serving: LogServing): Promise<PublishedHead | undefined> {
  if (serving.witnessed)
    return db.selectFrom('log_published').select(['size', 'checkpoint']).where('id', '=', 1).executeTakeFirst();
  return db.selectFrom('log_state').select(['size', 'checkpoint']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * The published head, reused for up to HEAD_TTL_MS by proof requests whose index it covers: a
 * proof against a checkpoint a moment old is just as valid, and it saves a query per proof.
 */
const HEAD_TTL_MS = 500;
export function headCache(db: Kysely<DB>, serving: LogServing): (index: number) => Promise<PublishedHead | undefined> {
  let cached: { size: number; checkpoint: string; at: number } | undefined;
  return async (index: number) => {
    if (cached && index < cached.size && Date.now() - cached.at < HEAD_TTL_MS) return cached;
    const head = await publishedHead(db, serving);
    cached = head && { ...head, at: Date.now() };
    return head;
  };
}

/** A hash tile or an entry bundle, or undefined when it does not exist (yet). */
export function readTile(db: Kysely<DB>, path: TilePath): Promise<Uint8Array | undefined> {
  return path.kind === 'entries'
    ? readEntryBundle(db, path.index, path.width)
    : readHashTile(db, path.level, path.index, path.width);
}

/** The entry at `index` of a head that covers it, with its tlog-proof bundle; undefined if the entry is missing from storage. */
export async function entryProof(
  db: Kysely<DB>,
  index: number,
  head: PublishedHead,
): Promise<{ entry: string; bundle: string } | undefined> {
  const proof = await inclusionProofFromTiles(index, head.size, async (level, n, width) => {
    const tile = await readHashTile(db, level, n, width);
    if (!tile) throw new Error(`tile ${level}/${n} missing`);
    return tile;
  });
  const entry = await readEntry(db, index);
  if (!entry) return undefined;
  return { entry: encodeBase64(entry), bundle: formatTlogProof({ index, proof, checkpoint: head.checkpoint }) };
}
