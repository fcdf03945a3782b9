/**
 * @module Composition root: opens the database, runs migrations, and wires the adapters every
 * service receives. The server and the CLI both start here.
 */
import pino, { type Logger } from 'pino';
import { openDatabase, type Database } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Kysely } from 'kysely';
import { systemClock } from './adapters/clock.ts';
import type { Config } from './config.ts';
import type { Deps, LogPort } from './services/deps.ts';

export interface Runtime {
  database: Database;
  deps: Deps;
  close(): Promise<void>;
}

export function createLogger(level: Config['logLevel'], destination = 2): Logger {
  // Secrets never reach the log: these paths are redacted whatever a caller passes.
  return pino(
    { level, redact: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'cookie', '*.cookie'] },
    pino.destination(destination),
  );
}

/** Until the transparency-log sequencer runs, changes wait in the outbox without an index. */
const outboxOnly: LogPort = { indexesOf: (ids) => Promise.resolve(ids.map(() => null)) };

export async function openRuntime(config: Config, holder: string, logger: Logger): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder });
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps: Deps = { db: database.db, engine: database.engine, clock: systemClock, log: outboxOnly, logger };
  return { database, deps, close: () => database.close() };
}
