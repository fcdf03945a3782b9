/** @module `truce sitrep [--date YYYY-MM-DD]`: the daily situation report as Markdown on stdout. */
import type { Command } from 'commander';
import { withRuntime } from './with-runtime.ts';
import { situationReport } from '../services/sitrep.ts';
import { sitrepMarkdown } from '../presenters/sitrep.ts';
import { SitrepQuery } from '../contract/sitrep.ts';
import type { CliIo } from './io.ts';

export function registerSitrepCommand(program: Command, io: CliIo): void {
  program
    .command('sitrep')
    .description('print the daily situation report (Markdown) for a day in Asia/Gaza time (default: today)')
    .option('--date <date>', 'the day, YYYY-MM-DD')
    .action(async (o: { date?: string }) => {
      const q = SitrepQuery.safeParse({ date: o.date });
      if (!q.success) throw new Error(`--date: ${o.date ?? ''} is not a date (YYYY-MM-DD)`);
      const report = await withRuntime(io, 'sitrep', (rt) => situationReport(rt.deps, null, q.data.date));
      io.stdout.write(sitrepMarkdown(report));
    });
}
