/**
 * @module The log's Ed25519 key: created on first start and kept in the database (so every
 * app server of a PostgreSQL deployment signs with the same key). Never logged or served;
 * only its verifier key is public (`truce log key`, GET /log/vkey).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { generateSignerKey, parseSignerKey, type Ed25519Signer } from '../tlog/node.ts';

export interface LogKey {
  signer: Ed25519Signer;
  verifierKey: string;
}

export async function loadOrCreateLogKey(db: Kysely<DB>, origin: string, now: Date): Promise<LogKey> {
  const existing = await db.selectFrom('log_keys').selectAll().where('origin', '=', origin).executeTakeFirst();
  if (!existing) {
    const { skey, vkey } = generateSignerKey(origin);
    // Two servers starting at once: the first insert wins, both then read the same key.
    await db
      .insertInto('log_keys')
      .values({ origin, signer_key: skey, verifier_key: vkey, created_at: now })
      .onConflict((oc) => oc.column('origin').doNothing())
      .execute();
  }
  const row = await db.selectFrom('log_keys').selectAll().where('origin', '=', origin).executeTakeFirstOrThrow();
  return { signer: parseSignerKey(row.signer_key), verifierKey: row.verifier_key };
}

/** The verifier key of the log `origin`, if this database has one (read-only: creates nothing). */
export async function findVerifierKey(db: Kysely<DB>, origin: string): Promise<string | undefined> {
  return (await db.selectFrom('log_keys').select('verifier_key').where('origin', '=', origin).executeTakeFirst())
    ?.verifier_key;
}
