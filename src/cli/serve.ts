/** @module The `serve` command. */
import { describeConfig, loadConfig } from '../config.ts';
import { startServer } from '../server.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/scenario.ts';
import { cliLogger } from './with-runtime.ts';
import type { CliIo } from './io.ts';

/** Resolves once the server listens; it then runs until SIGTERM or SIGINT ends the process. */
export async function serveCommand(io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  const logger = cliLogger(io, config.logLevel);
  logger.info(describeConfig(config), 'starting Truce');
  const server = await startServer(config, logger);
  const lines = [`Truce is running at ${server.url} (database: ${server.runtime.database.engine})`];
  if (config.demo) {
    lines.push(`Demo sign-in: ${DEMO_USERS[0]!.email} / ${DEMO_PASSWORD}`);
    lines.push(
      `  other demo accounts (same password): ${DEMO_USERS.slice(1)
        .map((u) => u.email)
        .join(', ')}`,
    );
  }
  io.stdout.write(lines.join('\n') + '\n');
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
