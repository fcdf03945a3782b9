/**
 * @module Finds PostgreSQL's client tools (pg_dump, pg_restore) for backups of a PostgreSQL
 * database: TRUCE_PG_BIN if set, else the PATH, else the newest Debian install
 * (/usr/lib/postgresql/<version>/bin). pg_dump must be at least the server's major version.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const dirs = [
    ...(env.TRUCE_PG_BIN ? [env.TRUCE_PG_BIN] : []),
    ...(env.PATH ?? '').split(path.delimiter).filter(Boolean),
    ...debianBinDirs(),
  ];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${name} not found: install PostgreSQL's client tools or set TRUCE_PG_BIN to their directory`);
}

function debianBinDirs(): string[] {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(base, v, 'bin'));
}

/**
 * Runs a tool with the connection string passed through the environment (PGPASSWORD and the
 * rest never appear in `ps`). Resolves on exit 0; otherwise rejects with its stderr.
 */
export function runPgTool(file: string, args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
  for (const [k, v] of u.searchParams) if (k === 'sslmode') env.PGSSLMODE = v;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
