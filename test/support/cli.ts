/**
 * @module Runs the `truce` CLI against a test database: in this process (`runCli`, the program of
 * src/cli/program.ts with its own environment and streams, no tsx and app load per call), or as
 * the real child process (`runCliProcess`, bin/truce.js; kept for the entrypoint's own test).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runTruce } from '../../src/cli/program.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const TRUCE_BIN = path.resolve(import.meta.dirname, '../../bin/truce.js');

export function dbEnv(db: { url: string | undefined; dataDir: string }): NodeJS.ProcessEnv {
  return db.url ? { DATABASE_URL: db.url, DATA_DIR: db.dataDir } : { DATA_DIR: db.dataDir };
}

/** The environment a run sees: this process's, without its DATABASE_URL, quieter, then `env`. */
function cliEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _drop, ...base } = process.env;
  return { ...base, TRUCE_LOG_LEVEL: 'warn', ...env };
}

/** A stream keeping what is written, at once (so nothing is still in flight when a run ends). */
function collect(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** `truce ARGS...` in this process, as the real command would run it (same code, same exit codes). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliResult> {
  const out = collect();
  const err = collect();
  const code = await runTruce(args, {
    env: cliEnv(env),
    stdin: Readable.from([Buffer.from(stdin ?? '')]),
    stdout: out.stream,
    stderr: err.stream,
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** `node bin/truce.js ARGS...`: the real entrypoint, as a child process. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TRUCE_BIN, ...args], { env: cliEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
