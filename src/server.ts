/**
 * @module `truce serve`: opens the runtime, loads the demo when asked, listens on HOST:PORT,
 * and shuts down cleanly on SIGTERM/SIGINT (stop accepting, finish in-flight requests, close
 * the database so PGlite flushes and releases DATA_DIR).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './api/app.ts';
import type { Config } from './config.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { seedDemo } from './demo/seed.ts';
import { mountLog } from './api/log-routes.ts';
import { startPurgeTimer } from './services/purge.ts';
import { startBackupTimer, type BackupTimer } from './services/backup-timer.ts';
import { systemClock } from './adapters/clock.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface RunningServer {
  url: string;
  runtime: Runtime;
  /** Backs the database up while serving (the timer's own step). */
  backups: BackupTimer;
  close(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const runtime = await openRuntime(config, `truce serve (port ${config.port})`, logger);
  try {
    if (config.demo) {
      const seeded = await seedDemo(runtime.deps);
      if (seeded.loaded) logger.info('demo scenario loaded');
    }
    runtime.sequencer.start();
    runtime.publisher?.start();
    const stopPurge = startPurgeTimer(runtime.deps, config.purgeIntervalMs);
    const backups = startBackupTimer(runtime.database, config.backups, systemClock, logger);
    const app = createApp(runtime.deps, {
      version: packageVersion(),
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      limits: config.limits,
      // TRUCE_WEB_DIR lets parallel builds (e.g. several checkouts testing at once) keep their own UI.
      webDir: process.env.TRUCE_WEB_DIR ?? path.join(PROJECT_ROOT, 'dist', 'web'),
      extra: (a) =>
        mountLog(a, runtime.deps.db, runtime.logKey.verifierKey, { witnessed: runtime.publisher !== undefined }),
    });
    const server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host}:${port}`;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        stopPurge();
        backups.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await runtime.close();
      })());
    return { url, runtime, backups, close };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}
