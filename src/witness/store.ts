/**
 * @module The witness's state, with the one operation the spec insists on: an atomic
 * compare-and-store of a log's size (two concurrent requests must never roll it back).
 */
import type { Kysely } from 'kysely';
import type { WitnessLogState } from '../tlog/node.ts';
import { formatCosignerKey, generateSignerKey, parseSignerKey, type Ed25519Signer } from '../tlog/node.ts';
import type { WitnessDB } from './schema.ts';

export async function readLogState(db: Kysely<WitnessDB>, origin: string): Promise<WitnessLogState | undefined> {
  const row = await db
    .selectFrom('witness_logs')
    .select(['size', 'root'])
    .where('origin', '=', origin)
    .executeTakeFirst();
  return row ? { size: Number(row.size), root: new Uint8Array(row.root) } : undefined;
}

/**
 * Stores `next` only if the log is still at `expectedSize` (0 = never seen). One statement, so
 * the database decides the race; returns false when another request got there first.
 */
export async function compareAndStore(
  db: Kysely<WitnessDB>,
  origin: string,
  expectedSize: number,
  next: WitnessLogState,
  now: Date,
): Promise<boolean> {
  if (expectedSize === 0) {
    const inserted = await db
      .insertInto('witness_logs')
      .values({ origin, size: next.size, root: next.root, updated_at: now })
      .onConflict((oc) => oc.column('origin').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
  }
  const updated = await db
    .updateTable('witness_logs')
    .set({ size: next.size, root: next.root, updated_at: now })
    .where('origin', '=', origin)
    .where('size', '=', expectedSize)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export interface WitnessKey {
  signer: Ed25519Signer;
  /** The cosigner verifier key (type 0x04) logs configure to trust this witness. */
  cosignerKey: string;
}

/** The witness's key, created on first start and kept in its database (never logged). */
export async function loadOrCreateWitnessKey(db: Kysely<WitnessDB>, name: string, now: Date): Promise<WitnessKey> {
  const existing = await db.selectFrom('witness_keys').selectAll().where('name', '=', name).executeTakeFirst();
  if (!existing) {
    const { skey, vkey } = generateSignerKey(name);
    await db
      .insertInto('witness_keys')
      .values({ name, signer_key: skey, verifier_key: vkey, created_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const row = await db.selectFrom('witness_keys').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const signer = parseSignerKey(row.signer_key);
  return { signer, cosignerKey: formatCosignerKey(name, signer.publicKey) };
}
