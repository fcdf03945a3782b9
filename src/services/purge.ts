/**
 * @module The periodic purge: expired sessions, sign-in events older than the retention
 * (TRUCE_SIGN_IN_EVENT_DAYS) and throttle keys nobody touched for a day. Each run deletes in
 * bounded batches (a large backlog is worked off over several runs, never in one long
 * statement), and every app server may run it on its own timer.
 */
import type { Deps } from './deps.ts';
import { deleteExpiredSessions, deleteIdleThrottleKeys, deleteSignInEventsBefore } from '../repositories/purge.ts';

const BATCH = 500;
const MAX_BATCHES_PER_RUN = 20;
const DAY_MS = 86_400_000;
/** Longer than any throttle rule's forget-after, so a purged key is one the rules had forgotten. */
const THROTTLE_IDLE_MS = DAY_MS;

export interface Purged {
  sessions: number;
  signInEvents: number;
  throttleKeys: number;
}

async function inBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const n = await step();
    total += n;
    if (n < BATCH) break;
  }
  return total;
}

export async function purgeExpired(deps: Deps): Promise<Purged> {
  const now = deps.clock.now();
  const eventsBefore = new Date(now.getTime() - deps.auth.signInEventDays * DAY_MS);
  const idleBefore = new Date(now.getTime() - THROTTLE_IDLE_MS);
  return {
    sessions: await inBatches(() => deleteExpiredSessions(deps.db, now, BATCH)),
    signInEvents: await inBatches(() => deleteSignInEventsBefore(deps.db, eventsBefore, BATCH)),
    throttleKeys: await inBatches(() => deleteIdleThrottleKeys(deps.db, idleBefore, now, BATCH)),
  };
}

/** Runs the purge every `intervalMs` (first run after one interval); returns the stop function. */
export function startPurgeTimer(deps: Deps, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow run is never overlapped by the next tick
    running = true;
    purgeExpired(deps)
      .then((p) => {
        if (p.sessions + p.signInEvents + p.throttleKeys > 0)
          deps.logger.info({ event: 'purge', ...p }, 'purged expired sign-in data');
      })
      .catch((err: unknown) => deps.logger.error({ err }, 'purge failed; retrying at the next interval'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
