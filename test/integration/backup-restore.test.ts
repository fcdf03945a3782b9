/**
 * Backups proven against the log (docs/operations.md): a backup restored behind the checkpoint
 * already published is refused with the missing entries named; one that is recent enough
 * starts; `truce db copy` round-trips the demo into PostgreSQL with the same log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../../src/config.ts';
import { openRuntime } from '../../src/runtime.ts';
import { startServer } from '../../src/server.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import { copyDatabase } from '../../src/db/copy.ts';
import { LogBehindError } from '../../src/log/restore-check.ts';
import { dbSource } from '../../src/log/db-source.ts';
import { verifyLog } from '../../src/log/verify-log.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { copyPgliteTemplate, createPgDatabase, silentLogger, testEngine } from '../support/db.ts';
import { makeOrganisation } from '../support/factories.ts';

const engine = testEngine();

async function freshConfig(dir: string, extra: Record<string, string> = {}): Promise<Config> {
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    TRUCE_DEMO: '0',
    TRUCE_LOG_LEVEL: 'silent',
    TRUCE_BACKUP_DIR: path.join(dir, 'server-backups'),
    ...extra,
  };
  if (engine === 'postgres') env.DATABASE_URL = await createPgDatabase();
  else await copyPgliteTemplate(dataDir, 'migrated');
  return loadConfig(env);
}

/** Opens the runtime, adds `n` organisations (each a logged change), closes; returns the log size. */
async function addRecords(config: Config, n: number): Promise<number> {
  const rt = await openRuntime(config, 'test', silentLogger);
  try {
    for (let i = 0; i < n; i++) await makeOrganisation(rt.deps);
    await rt.sequencer.schedule();
    const head = await rt.database.db.selectFrom('log_state').select('size').executeTakeFirstOrThrow();
    return head.size;
  } finally {
    await rt.close();
  }
}

async function backup(config: Config, out: string) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'test backup' });
  try {
    return await backupDatabase(db, out, new Date());
  } finally {
    await db.close();
  }
}

/** Restores into the same DATA_DIR (PGlite) or a new empty database (PostgreSQL), same checkpoint copies. */
async function restore(config: Config, file: string): Promise<Config> {
  const target =
    engine === 'postgres' ? loadConfig({ ...envOf(config), DATABASE_URL: await createPgDatabase() }) : config;
  await restoreDatabase(
    file,
    {
      engine,
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      open: () => openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, holder: 'test restore' }),
    },
    new Date(),
  );
  return target;
}

function envOf(c: Config): Record<string, string> {
  return {
    DATA_DIR: c.dataDir,
    TRUCE_DEMO: '0',
    TRUCE_LOG_LEVEL: 'silent',
    TRUCE_CHECKPOINT_DIR: c.checkpointDir,
    TRUCE_BACKUP_DIR: c.backups.dir,
  };
}

test(`a backup restored behind the published checkpoint is refused, naming the missing entries (${engine})`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-backup-'));
  try {
    const config = await freshConfig(dir);
    const sizeAtBackup = await addRecords(config, 3);
    const old = await backup(config, path.join(dir, 'backups'));
    assert.equal(old.logSize, sizeAtBackup);
    assert.match(old.file, new RegExp(`^truce-${engine}-log${sizeAtBackup}-`));
    const published = await addRecords(config, 2);
    assert.ok(published > sizeAtBackup);
    const recent = await backup(config, path.join(dir, 'backups'));

    const behind = await restore(config, path.join(dir, 'backups', old.file));
    await assert.rejects(openRuntime(behind, 'test', silentLogger), (err: unknown) => {
      assert.ok(err instanceof LogBehindError, String(err));
      assert.deepEqual(err.standing, {
        kind: 'behind',
        size: sizeAtBackup,
        published,
        missing: { from: sizeAtBackup, to: published - 1 },
      });
      assert.match(err.message, new RegExp(`entries ${sizeAtBackup}\\.\\.${published - 1} are missing`));
      return true;
    });
    // Refused before anything was appended: still the backup's log.
    const check = await openDatabase({ databaseUrl: behind.databaseUrl, dataDir: behind.dataDir, holder: 'test' });
    try {
      const head = await check.db.selectFrom('log_state').select('size').executeTakeFirstOrThrow();
      assert.equal(head.size, sizeAtBackup);
    } finally {
      await check.close();
    }

    // The way back of docs/operations.md: a backup recent enough starts, and writes go on.
    const current = await restore(behind, path.join(dir, 'backups', recent.file));
    assert.ok((await addRecords(current, 1)) > published);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test(`a database whose log differs from the published one is refused as forked (${engine})`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-fork-'));
  try {
    const config = await freshConfig(dir);
    const size = await addRecords(config, 2);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'test' });
    try {
      // Flip one stored hash of the level-0 tile: the tree no longer has the published root.
      await sql`update log_tiles set data = overlay(data placing '\\xff'::bytea from 1 for 1) where level = 0 and idx = 0`.execute(
        db.db,
      );
    } finally {
      await db.close();
    }
    await assert.rejects(openRuntime(config, 'test', silentLogger), (err: unknown) => {
      assert.ok(err instanceof LogBehindError, String(err));
      assert.equal(err.standing.kind, 'forked');
      assert.equal(err.standing.published, size);
      return true;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test(`truce db copy round-trips the demo into PostgreSQL with the same log (from ${engine})`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-copy-'));
  try {
    const config = await freshConfig(dir);
    const rt = await openRuntime(config, 'test', silentLogger);
    try {
      await seedDemo(rt.deps);
      await rt.sequencer.schedule();
    } finally {
      await rt.close();
    }
    const source = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'test' });
    const target = await openDatabase({ databaseUrl: await createPgDatabase(), dataDir: dir, holder: 'test target' });
    try {
      const report = await copyDatabase(source.db, target.db);
      const counts = async (db: typeof source.db): Promise<Record<string, number | undefined>> =>
        Object.fromEntries(
          await Promise.all(
            report.tables.map(async (t): Promise<[string, number | undefined]> => [
              t.name,
              (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(db)).rows[0]?.n,
            ]),
          ),
        );
      assert.deepEqual(await counts(target.db), await counts(source.db));
      assert.ok(report.tables.find((t) => t.name === 'incidents')!.rows > 0);
      const head = async (db: typeof source.db) =>
        db.selectFrom('log_state').select(['size', 'checkpoint']).executeTakeFirstOrThrow();
      assert.deepEqual(await head(target.db), await head(source.db));
      const key = await source.db.selectFrom('log_keys').select('verifier_key').executeTakeFirstOrThrow();
      const verified = await verifyLog(dbSource(target.db), key.verifier_key);
      assert.equal(verified.checkpoint.size, report.logSize);
      // A second copy into the same (now full) database is refused, changing nothing.
      await assert.rejects(copyDatabase(source.db, target.db), /not empty/);
      assert.deepEqual(await head(target.db), await head(source.db));
    } finally {
      await target.close();
      await source.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test(`the running server backs its database up while it serves writes (${engine})`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-live-backup-'));
  try {
    const config = { ...(await freshConfig(dir)), port: 0, host: '127.0.0.1' };
    const server = await startServer(config, silentLogger);
    let manifest;
    try {
      const writes = Promise.all([1, 2, 3, 4].map(() => makeOrganisation(server.runtime.deps)));
      manifest = await server.backups.backupNow();
      await writes;
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200); // still serving
    } finally {
      await server.close();
    }
    // The backup is a database that opens, at the log size its manifest names (a dump taken
    // between transactions: no half-written change).
    const restored = engine === 'postgres' ? undefined : path.join(dir, 'restored');
    const target = await restore(
      restored ? loadConfig({ ...envOf(config), DATA_DIR: restored }) : config,
      path.join(config.backups.dir, manifest.file),
    );
    const db = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, holder: 'test' });
    try {
      const head = await db.db.selectFrom('log_state').select('size').executeTakeFirstOrThrow();
      assert.ok(head.size >= manifest.logSize);
      const changes = await sql<{ n: number }>`select count(*)::int as n from record_changes`.execute(db.db);
      assert.ok((changes.rows[0]?.n ?? 0) >= manifest.logSize);
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
