/**
 * @module The `truce` command line as a function of its arguments and `CliIo`: the real command
 * (main.ts) runs it on the process, tests run it in their own process (no tsx and app load per
 * call). Every command has --help; errors print one clear line and give a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { serveCommand } from './serve.ts';
import { registerAccountCommands } from './accounts.ts';
import { registerLogCommands } from './log.ts';
import { registerImportCommands } from './import.ts';
import { registerWitnessCommands } from './witness.ts';
import { registerSitrepCommand } from './sitrep.ts';
import { registerConsentCommands } from './consent.ts';
import { registerBackupCommands } from './backup.ts';
import { withRuntime } from './with-runtime.ts';
import { CliExit, type CliIo } from './io.ts';
import { seedDemo } from '../demo/seed.ts';
import { ServiceError } from '../services/errors.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { packageVersion } from '../server.ts';
import type { Kysely } from 'kysely';

export function buildProgram(io: CliIo): Command {
  const program = new Command('truce')
    .description('Truce: the shared, verifiable record of a ceasefire and the force that stabilises it')
    // Set before any subcommand is added: subcommands inherit them.
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .version(packageVersion())
    .showHelpAfterError();

  program
    .command('serve')
    .description('run the web UI and API (PORT, HOST, DATA_DIR, DATABASE_URL, TRUCE_DEMO)')
    .action(() => serveCommand(io));

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      // openRuntime migrates; report what a fresh call would still apply (normally nothing).
      const applied = await withRuntime(io, 'migrate', (rt) =>
        migrateToLatest(rt.database.db as unknown as Kysely<unknown>),
      );
      io.stdout.write(applied.applied.length ? `applied ${applied.applied.join(', ')}\n` : 'database is up to date\n');
    });

  const demo = program.command('demo').description('the demo scenario (Gaza, October 2025)');
  demo
    .command('seed')
    .description('load the demo scenario; does nothing when it is already loaded')
    .action(async () => {
      const r = await withRuntime(io, 'demo seed', (rt) => seedDemo(rt.deps));
      io.stdout.write(r.loaded ? 'demo scenario loaded\n' : 'demo scenario already loaded; nothing to do\n');
    });

  registerAccountCommands(program, io);
  registerLogCommands(program, io);
  registerImportCommands(program, io);
  registerWitnessCommands(program, io);
  registerSitrepCommand(program, io);
  registerConsentCommands(program, io);
  registerBackupCommands(program, io);
  return program;
}

/**
 * Runs `truce ARGS...` (argv without node and the script) and resolves to its exit code. A command
 * that keeps running (serve) resolves once started, with 0.
 */
export async function runTruce(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    // Commander has already printed its message (or the help / version asked for).
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliExit) return err.code;
    io.stderr.write(`truce: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof ServiceError) return err.status === 400 ? 2 : 1;
    return 1;
  }
}
