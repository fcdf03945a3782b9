/**
 * @module Composition root: opens the database, runs migrations, and wires the adapters every
 * service receives. The server and the CLI both start here.
 */
import pino, { type Logger } from 'pino';
import { openDatabase, type Database } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Kysely } from 'kysely';
import { systemClock } from './adapters/clock.ts';
import type { Config } from './config.ts';
import type { Deps, LogPort } from './services/deps.ts';
import { STALE_MS, sweepImports } from './services/monitoring/import-sweep.ts';
import { Sequencer } from './log/sequencer.ts';
import { loadOrCreateLogKey, type LogKey } from './log/keys.ts';
import { createEvents } from './events/index.ts';
import { WitnessPublisher } from './log/publisher.ts';
import { PasswordGate } from './adapters/password-gate.ts';
import { checkpointCopyKeeper, fileCheckpointCopies } from './log/checkpoint-copies.ts';
import { LogBehindError, logStanding } from './log/restore-check.ts';
import { readSignedHead } from './log/publish-store.ts';

export interface Runtime {
  database: Database;
  deps: Deps;
  sequencer: Sequencer;
  /** Set when witnesses are configured: only quorum-cosigned checkpoints are published. */
  publisher: WitnessPublisher | undefined;
  logKey: LogKey;
  origin: string;
  close(): Promise<void>;
}

/** `destination`: a file descriptor (2: stderr), or a stream (a CLI run inside a test's process). */
export function createLogger(level: Config['logLevel'], destination: number | pino.DestinationStream = 2): Logger {
  // Secrets never reach the log: these paths are redacted whatever a caller passes.
  return pino(
    {
      level,
      redact: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'cookie', '*.cookie'],
    },
    typeof destination === 'number' ? pino.destination(destination) : destination,
  );
}

export async function openRuntime(config: Config, holder: string, logger: Logger): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder });
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
  } catch (err) {
    await database.close();
    throw err;
  }
  const logKey = await loadOrCreateLogKey(database.db, config.logOrigin, systemClock.now());
  // Before anything is appended: a database restored behind what was already published must
  // not write (its next entries would fork the log). See src/log/restore-check.ts.
  const copies = fileCheckpointCopies(config.checkpointDir, logKey.verifierKey);
  const copy = copies.latest();
  const standing = await logStanding(database.logDb, copy);
  if (standing.kind !== 'ok') {
    await database.close();
    throw new LogBehindError(standing, copy?.file ?? config.checkpointDir);
  }
  const keeper = checkpointCopyKeeper(copies, (err) => logger.error({ err }, 'could not keep a checkpoint copy'));
  const sequencer = new Sequencer(database.logDb, logKey, config.logOrigin, systemClock, logger);
  sequencer.lingerMs = config.logLingerMs;
  await sequencer.init();
  await sequencer.schedule(); // changes left by another process (or a crash) enter the log now
  const publisher =
    config.witnesses.length > 0
      ? new WitnessPublisher(database.db, config.witnesses, config.witnessQuorum, systemClock, logger)
      : undefined;
  sequencer.onIntegrated = (checkpoint) => {
    keeper.keep(checkpoint);
    void publisher?.kick();
  };
  // Existing deployments (and a fresh log) get their first copy now.
  keeper.keep((await readSignedHead(database.logDb)).checkpoint);
  const events = createEvents(database, logger);
  // Without waiting, writes answer at commit with logIndex null; the sweep logs them within a second.
  const log: LogPort = config.logWait ? sequencer : { indexesOf: (ids) => Promise.resolve(ids.map(() => null)) };
  const auth = {
    passwordGate: new PasswordGate(config.signInConcurrency),
    tokenDays: config.tokenDays,
    tokenMaxDays: config.tokenMaxDays,
    signInEventDays: config.signInEventDays,
  };
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    clock: systemClock,
    log,
    logger,
    events,
    auth,
    importLimits: config.importLimits,
  };
  // Staged rows of imports a crash interrupted. An embedded data directory has one process (its
  // lock), so any import still staging there is dead; on PostgreSQL another server may be mid-import.
  await sweepImports(deps, undefined, database.engine === 'pglite' ? 0 : STALE_MS);
  return {
    database,
    deps,
    sequencer,
    publisher,
    logKey,
    origin: config.logOrigin,
    close: async () => {
      sequencer.stop();
      publisher?.stop();
      await sequencer.schedule();
      await keeper.flush();
      await events.close();
      await database.close();
    },
  };
}
