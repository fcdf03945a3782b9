/**
 * @module An exclusive lock on DATA_DIR for the embedded database.
 * PGlite has no server: two processes opening one data directory would corrupt it. The lock
 * file holds the owner's pid; a lock left by a dead process (kill -9) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws an error that says who holds it and what to do. */
export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  const file = path.join(dataDir, 'truce.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, holder }), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      if (owner && isAlive(owner.pid) && owner.pid !== process.pid) {
        throw new Error(
          `the embedded database in ${dataDir} is in use by ${owner.holder} (pid ${owner.pid}); ` +
            'stop it first, or run Truce on PostgreSQL (DATABASE_URL) to share one database',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}

function readOwner(file: string): { pid: number; holder: string } | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown; holder?: unknown };
    if (typeof parsed.pid === 'number')
      return { pid: parsed.pid, holder: typeof parsed.holder === 'string' ? parsed.holder : 'another process' };
  } catch {
    // A half-written lock file (crash during write) is treated as stale.
  }
  return undefined;
}
