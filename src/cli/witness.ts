/**
 * @module `truce witness serve|key`: run a tlog-witness for the logs whose verifier keys it is
 * given. Meant to be run by another party than the log operator (an observer mission, a party),
 * with its own database: WITNESS_DATA_DIR (embedded) or WITNESS_DATABASE_URL.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { cliLogger } from './with-runtime.ts';
import type { CliIo } from './io.ts';
import { openWitness, startWitness, type WitnessConfig } from '../witness/server.ts';

interface WitnessFlags {
  name: string;
  host: string;
  port: string;
  dataDir: string;
  logVkey: string[];
}

function configOf(f: WitnessFlags, env: NodeJS.ProcessEnv): WitnessConfig {
  const port = Number(f.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${f.port} is not a port number`);
  const fromEnv = (env.TRUCE_WITNESS_LOGS ?? '').split(/\s+/).filter(Boolean);
  return {
    name: f.name,
    host: f.host,
    port,
    dataDir: path.resolve(f.dataDir),
    databaseUrl: env.WITNESS_DATABASE_URL || undefined,
    logVerifierKeys: [...f.logVkey, ...fromEnv],
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerWitnessCommands(program: Command, io: CliIo): void {
  const witness = program.command('witness').description('a tlog-witness that cosigns only consistent checkpoints');
  const common = (cmd: Command) =>
    cmd
      .option('--name <name>', 'the witness key name', io.env.TRUCE_WITNESS_NAME ?? 'witness.truce.example')
      .option(
        '--data-dir <dir>',
        'embedded database of the witness (or set WITNESS_DATABASE_URL)',
        io.env.WITNESS_DATA_DIR ?? './witness-data',
      );
  common(witness.command('serve').description('serve POST /add-checkpoint (C2SP tlog-witness)'))
    .option('--host <host>', 'address to listen on', io.env.HOST ?? '127.0.0.1')
    .option('--port <port>', 'port to listen on', io.env.PORT ?? '8090')
    .option('--log-vkey <vkey>', 'verifier key of a log to witness (repeatable; also TRUCE_WITNESS_LOGS)', collect, [])
    .action(async (flags: WitnessFlags) => {
      const config = configOf(flags, io.env);
      if (config.logVerifierKeys.length === 0)
        throw new Error('give at least one --log-vkey (the log operator prints it with `truce log key`)');
      const logger = cliLogger(io, 'info');
      const w = await startWitness(config, logger);
      io.stdout.write(`Truce witness is running at ${w.url}\ncosigner key: ${w.key.cosignerKey}\n`);
      const stop = () => void w.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  common(witness.command('key').description("print the witness's cosigner key (give it to the log operator)")).action(
    async (flags: WitnessFlags) => {
      const key = await openWitness(
        { ...configOf({ ...flags, port: '0', host: '127.0.0.1', logVkey: [] }, io.env) },
        (_db, k) => Promise.resolve(k.cosignerKey),
      );
      io.stdout.write(`${key}\n`);
    },
  );
}
