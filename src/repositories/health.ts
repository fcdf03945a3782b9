/** @module The database's answer to the health check: one round trip, no table read. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
}
