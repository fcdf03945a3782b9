/**
 * @module Backups taken by the running server itself (TRUCE_BACKUP_INTERVAL_S): the only way to
 * back up the embedded database without stopping it, since PGlite has one process. Keeps the
 * newest TRUCE_BACKUP_KEEP backups in TRUCE_BACKUP_DIR; a failed backup is logged and retried at
 * the next interval, never stopping the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../adapters/clock.ts';
import type { Database } from '../db/connect.ts';
import { backupDatabase, type BackupManifest } from '../db/backup.ts';

export interface BackupSchedule {
  dir: string;
  intervalMs: number;
  keep: number;
}

export interface BackupTimer {
  /** Takes a backup now (also what the timer calls); one at a time. */
  backupNow(): Promise<BackupManifest>;
  stop(): void;
}

export function startBackupTimer(
  database: Database,
  schedule: BackupSchedule,
  clock: Clock,
  logger: Logger,
): BackupTimer {
  let running: Promise<BackupManifest> | undefined;
  const backupNow = () =>
    (running ??= (async () => {
      try {
        const m = await backupDatabase(database, schedule.dir, clock.now());
        prune(schedule.dir, schedule.keep);
        logger.info({ file: m.file, logSize: m.logSize }, 'backup written');
        return m;
      } finally {
        running = undefined;
      }
    })());
  const timer =
    schedule.intervalMs > 0
      ? setInterval(() => {
          backupNow().catch((err: unknown) => logger.error({ err }, 'backup failed; will retry'));
        }, schedule.intervalMs)
      : undefined;
  timer?.unref();
  return { backupNow, stop: () => clearInterval(timer) };
}

/** Deletes all but the newest `keep` backups (and their manifests) that this schedule wrote. */
function prune(dir: string, keep: number): void {
  const backups = fs
    .readdirSync(dir)
    .filter((f) => /^truce-(pglite|postgres)-log\d+-.+\.(tar\.gz|dump)$/.test(f))
    .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of backups.slice(keep)) {
    fs.rmSync(path.join(dir, f), { force: true });
    fs.rmSync(path.join(dir, `${f}.json`), { force: true });
  }
}
