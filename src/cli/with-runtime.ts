/** @module Runs a CLI action against the configured database, then closes it. */
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config.ts';
import { createLogger, openRuntime, type Runtime } from '../runtime.ts';
import type { CliIo } from './io.ts';

/** A logger on the run's stderr (the process's own fd 2 when run for real, as the server does). */
export function cliLogger(io: CliIo, level: Config['logLevel']): Logger {
  return createLogger(level, io.stderr === process.stderr ? 2 : io.stderr);
}

export async function withRuntime<T>(io: CliIo, name: string, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const logger = cliLogger(io, config.logLevel === 'info' ? 'warn' : config.logLevel);
  const rt = await openRuntime(config, `truce ${name}`, logger);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Reads all of standard input (for --password-stdin), without the trailing newline. */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
