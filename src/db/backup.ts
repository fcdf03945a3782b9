/**
 * @module Backups of either engine, and their restore. A backup is one file plus a manifest
 * beside it (`<file>.json`: engine, the log's size and signed head when it was taken):
 *   PGlite      the data directory as a gzipped tarball, taken between transactions
 *   PostgreSQL  `pg_dump --format=custom` (a consistent snapshot while the servers run)
 * File names carry the log size, so after a refused restore (src/log/restore-check.ts) an
 * operator can see which backup is recent enough.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database, Engine } from './connect.ts';
import { loadPGliteSnapshot } from './connect.ts';
import { pgTool, runPgTool } from './pg-tools.ts';

export interface BackupManifest {
  format: 'truce-backup/1';
  engine: Engine;
  /** The log's size when the backup started (a PostgreSQL dump may hold a few entries more). */
  logSize: number;
  checkpoint: string;
  createdAt: string;
  file: string;
}

async function logHead(db: Database): Promise<{ size: number; checkpoint: string }> {
  const row = await db.db.selectFrom('log_state').select(['size', 'checkpoint']).where('id', '=', 1).executeTakeFirst();
  return row ?? { size: 0, checkpoint: '' };
}

/** Writes a backup of `database` into `outDir`; returns its manifest. */
export async function backupDatabase(database: Database, outDir: string, now: Date): Promise<BackupManifest> {
  fs.mkdirSync(outDir, { recursive: true });
  const head = await logHead(database);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = `truce-${database.engine}-log${head.size}-${stamp}`;
  let file: string;
  if (database.snapshot) {
    file = path.join(outDir, `${base}.tar.gz`);
    writeDurably(file, await database.snapshot());
  } else {
    if (!database.url) throw new Error('backup: a PostgreSQL database needs its URL');
    file = path.join(outDir, `${base}.dump`);
    await runPgTool(
      pgTool('pg_dump'),
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`],
      database.url,
    );
  }
  const manifest: BackupManifest = {
    format: 'truce-backup/1',
    engine: database.engine,
    logSize: head.size,
    checkpoint: head.checkpoint,
    createdAt: now.toISOString(),
    file: path.basename(file),
  };
  writeDurably(`${file}.json`, new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n'));
  return manifest;
}

/** The manifest written beside a backup file. */
export function readBackupManifest(file: string): BackupManifest {
  const text = fs.readFileSync(`${file}.json`, 'utf8');
  const m = JSON.parse(text) as Partial<BackupManifest>;
  if (m.format !== 'truce-backup/1' || (m.engine !== 'pglite' && m.engine !== 'postgres'))
    throw new Error(`${file}.json is not a Truce backup manifest`);
  return m as BackupManifest;
}

export interface RestoreTarget {
  engine: Engine;
  /** PGlite: the data directory to replace (must not be in use). */
  dataDir: string;
  /** PostgreSQL: an EMPTY database to restore into. */
  databaseUrl: string | undefined;
  /** Opens the target afterwards, to check it (PostgreSQL: to check it is empty first). */
  open: () => Promise<Database>;
}

/**
 * Restores `file` into the target. Never destroys data: PGlite's current database is moved
 * aside; PostgreSQL must be restored into an empty database. Returns where the old one went.
 */
export async function restoreDatabase(file: string, target: RestoreTarget, now: Date): Promise<{ movedTo?: string }> {
  const manifest = readBackupManifest(file);
  if (manifest.engine !== target.engine)
    throw new Error(
      `${path.basename(file)} is a ${manifest.engine} backup; this configuration uses ${target.engine} ` +
        '(to move from the embedded database to PostgreSQL use `truce db copy`)',
    );
  if (target.engine === 'pglite') {
    const movedTo = await loadPGliteSnapshot(target.dataDir, fs.readFileSync(file), now);
    return movedTo ? { movedTo } : {};
  }
  if (!target.databaseUrl) throw new Error('restore: DATABASE_URL is not set');
  const db = await target.open();
  try {
    const tables = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(db.db);
    if ((tables.rows[0]?.n ?? 0) > 0)
      throw new Error(
        'restore: the target database is not empty; create an empty database and point DATABASE_URL at it',
      );
  } finally {
    await db.close();
  }
  await runPgTool(
    pgTool('pg_restore'),
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${decodeURIComponent(new URL(target.databaseUrl).pathname.slice(1))}`,
      file,
    ],
    target.databaseUrl,
  );
  return {};
}

function writeDurably(file: string, data: Uint8Array): void {
  const tmp = `${file}.partial`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
