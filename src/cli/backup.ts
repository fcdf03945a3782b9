/**
 * @module `truce backup`, `truce restore`, `truce db copy`: the operations that keep the record
 * when a machine is lost or the mission moves to a database server. See docs/operations.md.
 */
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../config.ts';
import { CliExit, type CliIo } from './io.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { copyDatabase } from '../db/copy.ts';
import { systemClock } from '../adapters/clock.ts';
import { fileCheckpointCopies } from '../log/checkpoint-copies.ts';
import { findVerifierKey } from '../log/keys.ts';
import { describeStanding, logStanding, type LogStanding } from '../log/restore-check.ts';

function open(config: Config, holder: string): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder, poolSize: 2 });
}

/** The restored database against the checkpoint copies kept outside it. */
export async function standingAfterRestore(
  config: Config,
): Promise<{ standing: LogStanding; copyFile: string } | undefined> {
  const db = await open(config, 'truce restore (check)');
  try {
    const vkey = await findVerifierKey(db.db, config.logOrigin);
    if (!vkey) return undefined;
    const copy = fileCheckpointCopies(config.checkpointDir, vkey).latest();
    return { standing: await logStanding(db.db, copy), copyFile: copy?.file ?? config.checkpointDir };
  } finally {
    await db.close();
  }
}

export function registerBackupCommands(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description(
      'write a consistent backup of the database (PGlite: the data directory, with the server stopped; PostgreSQL: pg_dump, while it runs)',
    )
    .option('--out <dir>', 'where to write it', io.env.TRUCE_BACKUP_DIR ?? './backups')
    .action(async (o: { out: string }) => {
      const config = loadConfig(io.env);
      const db = await open(config, 'truce backup');
      try {
        const m = await backupDatabase(db, path.resolve(o.out), systemClock.now());
        io.stdout.write(`${path.join(path.resolve(o.out), m.file)}\n  ${m.engine}, log size ${m.logSize}\n`);
      } finally {
        await db.close();
      }
    });

  program
    .command('restore')
    .argument('<file>', 'a backup written by `truce backup`')
    .description(
      'restore a backup (PGlite: replaces DATA_DIR/pglite, keeping the old one aside; PostgreSQL: into the empty DATABASE_URL), then check it against the checkpoints already published',
    )
    .action(async (file: string) => {
      const config = loadConfig(io.env);
      const r = await restoreDatabase(
        path.resolve(file),
        {
          engine: config.databaseUrl ? 'postgres' : 'pglite',
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
          open: () => open(config, 'truce restore'),
        },
        systemClock.now(),
      );
      io.stdout.write(
        `restored ${path.basename(file)}${r.movedTo ? `; the previous database is in ${r.movedTo}` : ''}\n`,
      );
      const check = await standingAfterRestore(config);
      if (!check) return;
      if (check.standing.kind === 'ok') {
        io.stdout.write(`${describeStanding(check.standing, check.copyFile)}\n`);
        return;
      }
      io.stderr.write(`truce: the server will refuse to start: ${describeStanding(check.standing, check.copyFile)}\n`);
      throw new CliExit(3);
    });

  const db = program.command('db').description('the database itself');
  db.command('copy')
    .description(
      'copy everything, the log included, from the configured database (e.g. the embedded one) into an empty PostgreSQL database',
    )
    .requiredOption('--to <url>', 'the target PostgreSQL database (postgres://...), empty')
    .action(async (o: { to: string }) => {
      const config = loadConfig(io.env);
      if (!/^postgres(ql)?:\/\//.test(o.to)) throw new Error('--to must be a postgres:// URL');
      const source = await open(config, 'truce db copy');
      const target = await openDatabase({
        databaseUrl: o.to,
        dataDir: config.dataDir,
        holder: 'truce db copy',
        poolSize: 2,
      });
      const bar = io.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: ' {table} [{bar}] {value}/{total}', stream: io.stderr },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let current = '';
      try {
        const r = await copyDatabase(source.db, target.db, (table, copied, total) => {
          if (!bar) return;
          if (table !== current) {
            if (current) bar.stop();
            current = table;
            bar.start(total, 0, { table });
          }
          bar.update(copied);
        });
        bar?.stop();
        const rows = r.tables.reduce((n, t) => n + t.rows, 0);
        io.stdout.write(
          `copied ${rows} rows in ${r.tables.length} tables; the log (${r.logSize} entries) is the same: ` +
            'point DATABASE_URL at the target and run `truce verify` against it\n',
        );
      } finally {
        bar?.stop();
        await target.close();
        await source.close();
      }
    });
}
