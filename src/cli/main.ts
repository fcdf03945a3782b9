/**
 * @module The `truce` command line. Every command has --help; errors print one clear line
 * and exit non-zero.
 */
import { Command } from 'commander';
import { serveCommand } from './serve.ts';
import { registerAccountCommands } from './accounts.ts';
import { registerLogCommands } from './log.ts';
import { registerImportCommands } from './import.ts';
import { registerWitnessCommands } from './witness.ts';
import { registerSitrepCommand } from './sitrep.ts';
import { registerConsentCommands } from './consent.ts';
import { registerBackupCommands } from './backup.ts';
import { withRuntime } from './with-runtime.ts';
import { seedDemo } from '../demo/seed.ts';
import { ServiceError } from '../services/errors.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { packageVersion } from '../server.ts';
import type { Kysely } from 'kysely';

const program = new Command('truce')
  .description('Truce: the shared, verifiable record of a ceasefire and the force that stabilises it')
  .version(packageVersion())
  .showHelpAfterError();

program
  .command('serve')
  .description('run the web UI and API (PORT, HOST, DATA_DIR, DATABASE_URL, TRUCE_DEMO)')
  .action(serveCommand);

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    // openRuntime migrates; report what a fresh call would still apply (normally nothing).
    const applied = await withRuntime('migrate', (rt) => migrateToLatest(rt.database.db as unknown as Kysely<unknown>));
    process.stdout.write(
      applied.applied.length ? `applied ${applied.applied.join(', ')}\n` : 'database is up to date\n',
    );
  });

const demo = program.command('demo').description('the demo scenario (Gaza, October 2025)');
demo
  .command('seed')
  .description('load the demo scenario; does nothing when it is already loaded')
  .action(async () => {
    const r = await withRuntime('demo seed', (rt) => seedDemo(rt.deps));
    process.stdout.write(r.loaded ? 'demo scenario loaded\n' : 'demo scenario already loaded; nothing to do\n');
  });

registerAccountCommands(program);
registerLogCommands(program);
registerImportCommands(program);
registerWitnessCommands(program);
registerSitrepCommand(program);
registerConsentCommands(program);
registerBackupCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ServiceError) {
    process.stderr.write(`truce: ${err.message}\n`);
    process.exit(err.status === 400 ? 2 : 1);
  }
  process.stderr.write(`truce: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
