/**
 * @module Bounded deletes of expired authentication rows. Each call deletes at most `batch` rows
 * in one short statement; rows another app server is deleting at the same moment are skipped
 * (SKIP LOCKED), so every server may run the purge on its own timer without waiting on the others.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Counts the rows a DELETE ... RETURNING gave back (the same on both engines' drivers). */
async function deleted(result: Promise<unknown[]>): Promise<number> {
  return (await result).length;
}

export function deleteExpiredSessions(db: Kysely<DB>, now: Date, batch: number): Promise<number> {
  return deleted(
    db
      .deleteFrom('sessions')
      .where('token_hash', 'in', (eb) =>
        eb
          .selectFrom('sessions')
          .select('token_hash')
          .where('expires_at', '<=', now)
          .limit(batch)
          .modifyEnd(sql`for update skip locked`),
      )
      .returning(sql<number>`1`.as('one'))
      .execute(),
  );
}

export function deleteSignInEventsBefore(db: Kysely<DB>, before: Date, batch: number): Promise<number> {
  return deleted(
    db
      .deleteFrom('sign_in_events')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('sign_in_events')
          .select('id')
          .where('at', '<', before)
          .limit(batch)
          .modifyEnd(sql`for update skip locked`),
      )
      .returning(sql<number>`1`.as('one'))
      .execute(),
  );
}

/** Throttle keys idle since `before` and no longer blocking: forgetting them changes no decision. */
export function deleteIdleThrottleKeys(db: Kysely<DB>, before: Date, now: Date, batch: number): Promise<number> {
  return deleted(
    db
      .deleteFrom('sign_in_throttle')
      .where('key', 'in', (eb) =>
        eb
          .selectFrom('sign_in_throttle')
          .select('key')
          .where('updated_at', '<', before)
          .where('blocked_until', '<=', now)
          .limit(batch)
          .modifyEnd(sql`for update skip locked`),
      )
      .returning(sql<number>`1`.as('one'))
      .execute(),
  );
}
