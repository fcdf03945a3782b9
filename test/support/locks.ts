/**
 * @module Races that really race, without sleeps. A race test holds a lock in one transaction,
 * starts the competing work, and on PostgreSQL waits until that work's backends are blocked on
 * the holder (pg_stat_activity: wait_event_type 'Lock', and the holder among
 * pg_blocking_pids) before it lets go; a sleep instead passes on a loaded machine without any
 * race having happened. PGlite runs one session for the whole process and our dialect serialises
 * every transaction behind a mutex: the competing work only starts once the holder has committed,
 * so on PGlite a race test checks the serial outcome, and says so (`noteSerialOnPGlite`).
 */
import type { TestContext } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { Engine } from '../../src/db/connect.ts';

export const PGLITE_SERIALISES =
  'PGlite serialises all sessions (one in-process session behind a mutex): the competing work runs after the lock holder commits, so this checks the serial outcome, not a race';

/** On PGlite, tells the test's output plainly that no race happened (see PGLITE_SERIALISES). */
export function noteSerialOnPGlite(t: TestContext, engine: Engine): void {
  if (engine === 'pglite') t.diagnostic(PGLITE_SERIALISES);
}

/** The server process id of the session `db` runs on (call it inside the holding transaction). */
export async function backendPid(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  return r.rows[0]!.pid;
}

/**
 * Waits (polling through `observer`, a connection other than the holder's) until at least `count`
 * backends of this database wait, directly or in a queue behind another waiter, for a lock that
 * `holderPid` holds: the first waiter on a row waits for the holder's transaction, the next ones
 * for the tuple lock the first one took. Fails with what every other backend is doing if they
 * do not get there within `timeoutMs`.
 */
export async function waitUntilBlockedBy(
  observer: Kysely<DB>,
  holderPid: number,
  count = 1,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Each statement outside a transaction reads a fresh pg_stat_activity snapshot.
    const r = await sql<{ pid: number; blockers: number[] }>`
      select pid, pg_blocking_pids(pid) as blockers from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(observer);
    const behindHolder = new Set<number>([holderPid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const w of r.rows) {
        if (!behindHolder.has(w.pid) && w.blockers.some((b) => behindHolder.has(b))) {
          behindHolder.add(w.pid);
          grew = true;
        }
      }
    }
    const blocked = behindHolder.size - 1;
    if (blocked >= count) return;
    if (Date.now() > deadline) {
      const all = await sql`
        select pid, state, wait_event_type, wait_event, left(query, 120) as q from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`.execute(observer);
      throw new Error(`only ${blocked} of ${count} backends blocked behind ${holderPid}: ${JSON.stringify(all.rows)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10)); // a polling interval, not a guess at timing
  }
}
