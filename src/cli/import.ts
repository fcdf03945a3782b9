/**
 * @module `truce import reports FILE`: bulk import of CSV (ACLED columns) and GeoJSON, all or
 * nothing, with a progress bar on a terminal. The first 100 bad rows are printed with their
 * line numbers, then the total, and nothing is stored; re-running the same file creates nothing
 * new (clientIds are derived). Same limits as the API (TRUCE_IMPORT_MAX_ROWS / _MAX_BYTES).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withRuntime } from './with-runtime.ts';
import { importReports, type Progress } from '../services/monitoring/import.ts';
import { DEFAULT_IMPORT_LIMITS } from '../services/monitoring/import-limits.ts';
import type { ImportFormat } from '../services/monitoring/import-parse.ts';
import { findPrincipalByEmail } from '../repositories/users.ts';
import { invalid, notFound, ServiceError } from '../services/errors.ts';
import { actorOfPrincipal } from '../services/sessions.ts';
import type { Actor } from '../domain/policy.ts';
import { CliExit, type CliIo } from './io.ts';

type Phase = Parameters<Progress>[0];
const PHASES: Record<Phase, string> = { check: 'checking  ', stage: 'staging   ', publish: 'publishing' };

function formatOf(file: string, given: string | undefined): ImportFormat {
  const f =
    given ??
    (/\.(geo)?json$/i.test(file) ? 'geojson' : path.extname(file).toLowerCase() === '.csv' ? 'csv' : undefined);
  if (f !== 'csv' && f !== 'geojson')
    throw invalid([{ path: 'format', message: 'say --format csv or --format geojson' }]);
  return f;
}

export function registerImportCommands(program: Command, io: CliIo): void {
  const imp = program.command('import').description('bulk imports');
  imp
    .command('reports')
    .argument(
      '<file>',
      'CSV with ACLED columns (event_date, event_type, sub_event_type, latitude, longitude, notes, source, ...) or a GeoJSON FeatureCollection of Points',
    )
    .description('import reports, all or nothing: a bad row is reported with its line number and nothing is stored')
    .option('--format <format>', 'csv | geojson (default: from the file extension)')
    .option('--as <email>', 'file the reports as this account (default: the operator, recorded as the system)')
    .action(async (file: string, o: { format?: string; as?: string }) => {
      const format = formatOf(file, o.format);
      const bar = io.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: ' {phase} [{bar}] {value}/{total}', stream: io.stderr },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let phase = '';
      try {
        const r = await withRuntime(io, 'import reports', async (rt) => {
          const maxBytes = (rt.deps.importLimits ?? DEFAULT_IMPORT_LIMITS).maxBytes;
          if (fs.statSync(file).size > maxBytes)
            throw new ServiceError(
              413,
              'Content Too Large',
              `imports are limited to ${maxBytes} bytes (TRUCE_IMPORT_MAX_BYTES)`,
            );
          const content = fs.readFileSync(file, 'utf8');
          let actor: Actor | null = null;
          if (o.as) {
            const p = await findPrincipalByEmail(rt.deps.db, o.as.toLowerCase());
            if (!p) throw notFound(`account ${o.as}`);
            actor = actorOfPrincipal(p, 'session');
          }
          return importReports(rt.deps, actor, content, format, (ph: Phase, done, total) => {
            if (!bar) return;
            if (ph !== phase) {
              if (phase) bar.stop();
              phase = ph;
              bar.start(total, 0, { phase: PHASES[ph] });
            }
            bar.update(done);
          });
        });
        bar?.stop();
        io.stdout.write(
          `imported ${r.created} reports into ${r.incidents} incidents; ${r.repeats} already known${r.logIndex === null ? '' : `; log index ${r.logIndex}`}\n`,
        );
      } catch (err) {
        bar?.stop();
        if (err instanceof ServiceError && err.errors?.length) {
          for (const e of err.errors) io.stderr.write(`${e.path}: ${e.message}\n`);
          const more = (err.errorCount ?? err.errors.length) - err.errors.length;
          if (more > 0) io.stderr.write(`... and ${more} more errors (${err.errorCount} in all)\n`);
          io.stderr.write('nothing was imported\n');
          throw new CliExit(2);
        }
        throw err;
      }
    });
}
