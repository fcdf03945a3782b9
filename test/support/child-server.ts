/** @module The real `truce serve` as a child process on a free port (e2e and crash tests). */
import { spawn, type ChildProcess } from 'node:child_process';
import { TRUCE_BIN } from './cli.ts';
import { freePort } from '../../scripts/temp-postgres.ts';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startChildServer(env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const port = await freePort();
  const { DATABASE_URL: _drop, ...base } = process.env;
  const child = spawn(process.execPath, [TRUCE_BIN, 'serve'], {
    env: { ...base, PORT: String(port), HOST: '127.0.0.1', TRUCE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  // Generous: a loaded CI machine (or several test runs sharing two cores) starts slowly.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (/Truce is running at/.test(out)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 180 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
