/** @module Runs the real `truce` CLI as a child process against a test database. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const TRUCE_BIN = path.resolve(import.meta.dirname, '../../bin/truce.js');

export function dbEnv(db: { url: string | undefined; dataDir: string }): NodeJS.ProcessEnv {
  return db.url ? { DATABASE_URL: db.url, DATA_DIR: db.dataDir } : { DATA_DIR: db.dataDir };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _drop, ...base } = process.env;
    const child = spawn(process.execPath, [TRUCE_BIN, ...args], { env: { ...base, TRUCE_LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
