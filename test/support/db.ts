/**
 * @module A fresh, migrated database for one test file, on the engine the runner chose
 * (TRUCE_TEST_ENGINE=pglite|postgres). PostgreSQL gets a new database per file on the
 * runner's temporary server; PGlite a new data directory. Both are copies of a migrated template
 * built once (or of an empty one, for tests that migrate through the CLI).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { createDatabaseOn, databaseExists, renameDatabaseOrDrop } from '../../scripts/temp-postgres.ts';
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

function pgAdminUrl(): string {
  const admin = process.env.TRUCE_TEST_PG_URL;
  if (!admin) throw new Error('TRUCE_TEST_PG_URL is not set: run the tests with `npm test`');
  return admin;
}

/** Creates a PostgreSQL database on the runner's server (empty, or migrated) and returns its URL. */
export async function createPgDatabase(kind: 'empty' | 'migrated' = 'empty'): Promise<string> {
  const admin = pgAdminUrl();
  return createDatabaseOn(admin, 't', kind === 'migrated' ? await pgTemplate(admin) : undefined);
}

const root = path.resolve(import.meta.dirname, '../..');

/** What a PGlite template depends on: PGlite's version and (for a migrated one) every migration's text. */
function templateKey(kind: 'empty' | 'migrated'): string {
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  if (kind === 'migrated') {
    // Migrations live in src/db/migrations and in capability folders (src/capabilities/<name>/migrations).
    for (const dir of ['src/db/migrations', 'src/capabilities']) {
      for (const f of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).sort()) {
        const file = path.join(root, dir, f);
        if ((dir !== 'src/capabilities' || f.includes('migrations/')) && fs.statSync(file).isFile())
          hash.update(f).update(fs.readFileSync(file));
      }
    }
  }
  return `${kind}-${hash.digest('hex').slice(0, 16)}`;
}

/**
 * A PGlite data directory to copy instead of creating one: PGlite's initdb (in WASM) costs about
 * 13 s of CPU per directory, a copy under half a second (measured for issue 11). Built once per
 * machine and kept in the temporary directory, keyed by PGlite's version and the migrations, so a
 * changed migration gets a new template. Two files building it at once each build their own; the
 * first rename wins and the other is dropped.
 */
export async function pgliteTemplate(kind: 'empty' | 'migrated'): Promise<string> {
  const dir = path.join(os.tmpdir(), `truce-test-template-${templateKey(kind)}`);
  if (fs.existsSync(path.join(dir, 'ready'))) return dir;
  const building = fs.mkdtempSync(`${dir}-building-`);
  const database = await openDatabase({ databaseUrl: undefined, dataDir: building, holder: 'test template' });
  if (kind === 'migrated') await migrateToLatest(database.db as unknown as Kysely<unknown>);
  await database.close();
  fs.writeFileSync(path.join(building, 'ready'), '');
  try {
    fs.renameSync(building, dir);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another process finished first
  }
  return dir;
}

/**
 * The PostgreSQL counterpart of `pgliteTemplate('migrated')`: a migrated database on the runner's
 * server that each file's database is created from (`create database ... template`, about 0.5 s,
 * where migrating costs about 3 s), named by the same key. Built under a temporary name and
 * renamed when done, so no file copies a half-migrated one; the first builder's rename wins.
 */
async function pgTemplate(admin: string): Promise<string> {
  const name = `tpl_${templateKey('migrated').replace(/-/g, '_')}`;
  if (await databaseExists(admin, name)) return name;
  const building = await createDatabaseOn(admin, 'tplb');
  const database = await openDatabase({ databaseUrl: building, dataDir: os.tmpdir(), holder: 'test template' });
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
  } finally {
    await database.close(); // a template must have no connections when copied
  }
  await renameDatabaseOrDrop(admin, new URL(building).pathname.slice(1), name);
  return name;
}

/** Fills a new DATA_DIR with a copy of a template's database (the server or CLI then opens it as its own). */
export async function copyPgliteTemplate(dataDir: string, kind: 'empty' | 'migrated'): Promise<void> {
  fs.cpSync(path.join(await pgliteTemplate(kind), 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
}

export async function openTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-test-'));
  const kind = opts.migrate === false ? 'empty' : 'migrated';
  const url = testEngine() === 'postgres' ? await createPgDatabase(kind) : undefined;
  if (!url) await copyPgliteTemplate(dataDir, kind);
  const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'test' });
  // The template is migrated already (either engine); this then finds nothing to do (and checks so).
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
  return {
    db: database.db,
    engine: database.engine,
    clock,
    log,
    logger: silentLogger,
    events: createEvents(database, silentLogger),
    auth: defaultAuthSettings(),
  };
}
