/** @module The log as stored in the database, read through the same paths as over HTTP. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { parseTilePath, TlogError } from '../tlog/node.ts';
import type { LogSource } from './source.ts';
import { readEntryBundle, readHashTile } from './tree-store.ts';

export function dbSource(db: Kysely<DB>): LogSource {
  return {
    describe: 'the database',
    async get(rel) {
      if (rel === 'checkpoint') {
        const row = await db.selectFrom('log_state').select('checkpoint').where('id', '=', 1).executeTakeFirst();
        return row ? new TextEncoder().encode(row.checkpoint) : undefined;
      }
      let p;
      try {
        p = parseTilePath(rel);
      } catch (err) {
        if (err instanceof TlogError) return undefined;
        throw err;
      }
      return p.kind === 'entries' ? readEntryBundle(db, p.index, p.width) : readHashTile(db, p.level, p.index, p.width);
    },
  };
}
