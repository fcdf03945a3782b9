/**
 * @module Opens the database: embedded PGlite under DATA_DIR, or PostgreSQL when a URL is given.
 * Both speak the same SQL; nothing above this file knows which one it talks to except through
 * `engine` (reported by /healthz).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** PostgreSQL connection string when on a server; used by LISTEN/NOTIFY listeners. */
  url: string | undefined;
  /**
   * The handle the log's sequencer writes through. On PostgreSQL it has its own two connections,
   * so sequencing never queues behind request traffic for a pooled connection (every writer is
   * waiting for it); on PGlite it is `db` (one session either way).
   */
  logDb: Kysely<DB>;
  /**
   * PGlite only: a gzipped tarball of the data directory, taken between transactions (it holds
   * the one connection while it dumps), so it is the state after some commit, never half of one.
   */
  snapshot?: () => Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * PGlite starts Postgres with `-F` (fsync off) by default. We drop that flag: an acknowledged
 * commit must survive `kill -9` and, as far as the filesystem allows, a power cut. The WAL is
 * kept small because PGlite data directories travel (backups, copies).
 */
const PGLITE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'max_parallel_maintenance_workers=0',
  '-c',
  'io_method=sync',
  '-c',
  'fsync=on',
  '-c',
  'synchronous_commit=on',
  '-c',
  'min_wal_size=32MB',
  '-c',
  'max_wal_size=128MB',
];

const INT8_OID = 20;
const DATE_OID = 1082;

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Who holds the embedded database (printed to whoever else tries to open it). */
  holder: string;
  poolSize?: number;
}

/** Opens the configured database. On PGlite, fails clearly if another process holds it. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPGlite(opts.dataDir, opts.holder);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: newPool(url, max) }) });
  const logDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: newPool(url, 2) }) });
  return {
    db,
    logDb,
    engine: 'postgres',
    url,
    close: async () => {
      await logDb.destroy();
      await db.destroy();
    },
  };
}

function newPool(url: string, max: number): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    // Same value types as PGlite: int8 counts and indices as numbers (all < 2^53 here).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (v: string) => Number(v)
          : oid === DATE_OID
            ? (v: string) => v // a calendar date, not an instant: keep 'YYYY-MM-DD'
            : (pg.types.getTypeParser(oid, format) as (v: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
}

async function openPGlite(dataDir: string, holder: string): Promise<Database> {
  const pgDir = path.join(dataDir, 'pglite');
  fs.mkdirSync(pgDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir, holder);
  try {
    const pglite = new PGlite({
      dataDir: pgDir,
      startParams: PGLITE_START_PARAMS,
      parsers: { [DATE_OID]: (v: string) => v },
    });
    await pglite.waitReady;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    let closed = false;
    return {
      db,
      logDb: db,
      engine: 'pglite',
      url: undefined,
      snapshot: () =>
        db.connection().execute(async () => new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer())),
      close: async () => {
        if (closed) return;
        closed = true;
        await db.destroy();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * Replaces DATA_DIR's embedded database with a snapshot (see `snapshot`). The directory must be
 * free (no server running on it); the database it held is moved aside, never deleted.
 */
export async function loadPGliteSnapshot(dataDir: string, tarball: Uint8Array, now: Date): Promise<string | undefined> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, 'truce restore');
  try {
    const pgDir = path.join(dataDir, 'pglite');
    let movedTo: string | undefined;
    if (fs.existsSync(pgDir)) {
      movedTo = `${pgDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(pgDir, movedTo);
    }
    fs.mkdirSync(pgDir, { recursive: true });
    const pglite = new PGlite({
      dataDir: pgDir,
      loadDataDir: new Blob([new Uint8Array(tarball)]),
      startParams: PGLITE_START_PARAMS,
    });
    await pglite.waitReady;
    await pglite.close();
    return movedTo;
  } finally {
    lock.release();
  }
}
