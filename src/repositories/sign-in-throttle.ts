/**
 * @module The sign-in throttle's rows. A reservation is one short transaction: create the keys'
 * rows if missing, lock them (sorted, so two attempts never deadlock), decide with the pure
 * rules, write back. The row lock serialises parallel attempts on the same key on PostgreSQL;
 * PGlite runs one transaction at a time anyway. Same SQL on both.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  afterSuccess,
  reserve,
  THROTTLE_RULES,
  type ThrottleKey,
  type ThrottleState,
} from '../domain/accounts/sign-in-throttle.ts';

export type KeysReservation = { ok: true } | { ok: false; retryAfterMs: number };

const toState = (r: { attempts: number; blocked_until: Date; updated_at: Date }): ThrottleState => ({
  attempts: r.attempts,
  blockedUntil: new Date(r.blocked_until),
  updatedAt: new Date(r.updated_at),
});

async function lockKeys(tx: Kysely<DB>, keys: ThrottleKey[]): Promise<Map<string, ThrottleState>> {
  const names = keys.map((k) => k.key).sort();
  // A fresh row is "forgotten" (updated long ago), so the rules treat it as a new key.
  const epoch = new Date(0);
  await tx
    .insertInto('sign_in_throttle')
    .values(names.map((key) => ({ key, attempts: 0, blocked_until: epoch, updated_at: epoch })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const rows = await tx
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('key', 'in', names)
    .orderBy('key')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.key, toState(r)]));
}

/** Reserves one attempt on every key, or none (and says how long to wait for the slowest). */
export async function reserveAttempt(db: Kysely<DB>, keys: ThrottleKey[], now: Date): Promise<KeysReservation> {
  return db.transaction().execute(async (tx) => {
    const states = await lockKeys(tx, keys);
    const decided = keys.map((k) => ({ k, r: reserve(THROTTLE_RULES[k.scope], states.get(k.key), now) }));
    const refused = decided.flatMap(({ r }) => (r.ok ? [] : [r.retryAfterMs]));
    if (refused.length > 0) return { ok: false, retryAfterMs: Math.max(...refused) };
    for (const { k, r } of decided) {
      if (!r.ok) continue;
      await tx
        .updateTable('sign_in_throttle')
        .set({ attempts: r.next.attempts, blocked_until: r.next.blockedUntil, updated_at: r.next.updatedAt })
        .where('key', '=', k.key)
        .execute();
    }
    return { ok: true };
  });
}

/** After the right password: each key starts over or gives back the attempt it reserved. */
export async function settleSuccess(db: Kysely<DB>, keys: ThrottleKey[], now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const states = await lockKeys(tx, keys);
    for (const k of [...keys].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const state = states.get(k.key);
      const next = state ? afterSuccess(THROTTLE_RULES[k.scope], state, now) : null;
      if (next === null) await tx.deleteFrom('sign_in_throttle').where('key', '=', k.key).execute();
      else
        await tx
          .updateTable('sign_in_throttle')
          .set({ attempts: next.attempts, blocked_until: next.blockedUntil, updated_at: next.updatedAt })
          .where('key', '=', k.key)
          .execute();
    }
  });
}
