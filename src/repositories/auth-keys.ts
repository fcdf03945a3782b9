/** @module Server-side keys shared by every app server (e.g. the device-cookie signing key). */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The named key, created at first use; whichever server creates it first wins, the others read it. */
export async function loadOrCreateAuthKey(db: Kysely<DB>, name: string, now: Date): Promise<Buffer> {
  await db
    .insertInto('auth_keys')
    .values({ name, secret: randomBytes(32), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('auth_keys').select('secret').where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.secret);
}
