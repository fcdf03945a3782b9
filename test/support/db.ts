/**
 * @module A fresh, migrated database for one test file, on the engine the runner chose
 * (TRUCE_TEST_ENGINE=pglite|postgres). PostgreSQL gets a new database per file on the
 * runner's temporary server; PGlite a new data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { createDatabaseOn } from '../../scripts/temp-postgres.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock, type Clock } from '../../src/adapters/clock.ts';
import type { Deps, LogPort } from '../../src/services/deps.ts';
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { createEvents } from '../../src/events/index.ts';

export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  const e = process.env.TRUCE_TEST_ENGINE ?? 'pglite';
  if (e !== 'pglite' && e !== 'postgres') throw new Error(`TRUCE_TEST_ENGINE must be pglite or postgres, not ${e}`);
  return e;
}

export interface TestDatabase {
  database: Database;
  /** DATABASE_URL for child processes (PostgreSQL) or undefined (PGlite: use dataDir). */
  url: string | undefined;
  dataDir: string;
  close(): Promise<void>;
}

/** Creates an empty PostgreSQL database on the runner's server and returns its URL. */
export async function createPgDatabase(): Promise<string> {
  const admin = process.env.TRUCE_TEST_PG_URL;
  if (!admin) throw new Error('TRUCE_TEST_PG_URL is not set: run the tests with `npm test`');
  return createDatabaseOn(admin, 't');
}

export async function openTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-test-'));
  const url = testEngine() === 'postgres' ? await createPgDatabase() : undefined;
  const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'test' });
  if (opts.migrate !== false) await migrateToLatest(database.db as unknown as Kysely<unknown>);
  return {
    database,
    url,
    dataDir,
    close: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The test's database as a fresh connection: on PGlite after a child process released DATA_DIR
 * (the caller closes it again), on PostgreSQL the still-open pool.
 */
openTestDatabase.reopen = async (t: TestDatabase): Promise<Database> => {
  if (t.database.engine === 'postgres') return t.database;
  return openDatabase({ databaseUrl: undefined, dataDir: t.dataDir, holder: 'test (reopen)' });
};

export const silentLogger = pino({ level: 'silent' });

const noLog: LogPort = { indexesOf: (ids) => Promise.resolve(ids.map(() => null)) };

export function testDeps(database: Database, clock: Clock = systemClock, log: LogPort = noLog): Deps {
  return { db: database.db, engine: database.engine, clock, log, logger: silentLogger, events: createEvents(database, silentLogger), auth: defaultAuthSettings() };
}
