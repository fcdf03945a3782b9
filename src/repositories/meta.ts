/** @module Queries on `meta`: one-off markers (the demo scenario's, for one). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function hasMarker(db: Kysely<DB>, key: string): Promise<boolean> {
  return (await db.selectFrom('meta').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}

/**
 * Claims the marker inside the caller's transaction; false when it exists already. A second
 * transaction claiming the same key waits on the row, then gets false.
 */
export async function claimMarker(tx: Kysely<DB>, key: string, value: unknown): Promise<boolean> {
  const claimed = await sql<{ key: string }>`
      insert into meta (key, value) values (${key}, ${JSON.stringify(value)})
      on conflict (key) do nothing returning key`.execute(tx);
  return claimed.rows.length > 0;
}
