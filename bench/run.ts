/**
 * @module `npm run bench`: runs every figure on PGlite and on a temporary PostgreSQL, prints
 * a table and writes bench/results.json (not committed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTools, postgresBinDir } from '../scripts/ensure-tools.ts';
import { createDatabaseOn, startTempPostgres } from '../scripts/temp-postgres.ts';
import { printTable, writeResults } from './harness.ts';
import { benchApiIngest } from './api-ingest.ts';
import { benchLogAppend } from './log-append.ts';
import { monitoringBenches } from './monitoring.ts';
import { handoverBenches } from './handover.ts';
import { consentBenches } from './consent.ts';

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  ensureTools();
  const pg = await startTempPostgres(postgresBinDir()!);
  try {
    for (const engine of ['pglite', 'postgres'] as const) {
      process.stdout.write(`\n== ${engine} ==\n`);
      // TRUCE_BENCH_ONLY=benchImportReaders runs only the figures whose function name contains it.
      const only = process.env.TRUCE_BENCH_ONLY;
      for (const bench of [
        benchApiIngest,
        benchLogAppend,
        ...monitoringBenches,
        ...handoverBenches,
        ...consentBenches,
      ].filter((b) => !only || b.name.includes(only))) {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-bench-'));
        const url = engine === 'postgres' ? await createDatabaseOn(pg.url, 'bench') : undefined;
        try {
          await bench(engine, dataDir, url);
        } finally {
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    pg.stop();
  }
  printTable();
  process.stdout.write(`\nwrote ${writeResults(root)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
