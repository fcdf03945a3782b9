/**
 * @module A throwaway PostgreSQL server for the tests, from Debian's binaries, in a temporary
 * directory, on 127.0.0.1 and a free port. Postgres refuses to run as root, so as root it
 * runs as the `postgres` system user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface TempPostgres {
  url: string;
  stop(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Creates a database on a server (admin URL) and returns its URL: empty, or a copy of `template`
 * (a database nobody is connected to; the server copies its files, no SQL is replayed).
 */
export async function createDatabaseOn(adminUrl: string, prefix: string, template?: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, name);
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether database `name` exists on the server. */
export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/**
 * Renames database `from` to `to`; false (and `from` dropped) when `to` exists already, so
 * builders racing for one name keep the first.
 */
export async function renameDatabaseOrDrop(adminUrl: string, from: string, to: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`alter database ${from} rename to ${to}`);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code !== '42P04') throw err; // duplicate_database
    await client.query(`drop database ${from}`);
    return false;
  } finally {
    await client.end();
  }
}

export async function startTempPostgres(binDir: string): Promise<TempPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-pg-'));
  const dataDir = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(binDir, cmd);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    const r = spawnSync(file, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres:', dir]);
  run('initdb', ['-D', dataDir, '-U', 'truce', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
  const port = await freePort();
  const opts = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=on -c max_connections=200 -c shared_buffers=128MB`;
  run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'truce', 'truce']);
  return {
    url: `postgres://truce@127.0.0.1:${port}/truce`,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
