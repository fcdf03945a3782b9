/**
 * @module What a service may touch, passed in explicitly: the database, the clock, the
 * transparency log and the logger. Nothing else reaches outside the process.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { Engine } from '../db/connect.ts';
import type { Clock } from '../adapters/clock.ts';

/** The transparency log as services see it: wait for committed changes to get their index. */
export interface LogPort {
  /** Resolves with the log index of each change id (in order), once sequenced. */
  indexesOf(changeIds: number[]): Promise<(number | null)[]>;
}

export interface Deps {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  log: LogPort;
  logger: Logger;
}
