/** @module Runs a CLI action against the configured database, then closes it. */
import { loadConfig } from '../config.ts';
import { createLogger, openRuntime, type Runtime } from '../runtime.ts';

export async function withRuntime<T>(name: string, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const rt = await openRuntime(config, `truce ${name}`, logger);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Reads all of standard input (for --password-stdin), without the trailing newline. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
