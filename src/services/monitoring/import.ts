/**
 * @module Bulk import of reports, all or nothing: every row is checked first (shape, time,
 * ACLED pairing, mission area); if any row is bad, the answer names each bad row by its line
 * and nothing is stored. Otherwise every report goes in ONE transaction (grouped into
 * incidents exactly as if filed one by one). Rows whose clientId this account already filed
 * are skipped, so re-running an import is harmless; another account's clientId is a bad row.
 */
import { authorize, type Actor } from '../../domain/policy.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalidCapped, ServiceError, type FieldError } from '../errors.ts';
import { isUniqueViolation } from '../sql-errors.ts';
import { writeWithLog, type Written } from '../write.ts';
import { insertReport, prepareReport } from './reports.ts';
import { parseImport, type ImportFormat } from './import-parse.ts';

export interface ImportResult {
  created: number;
  repeats: number;
  incidents: number;
  logIndex: number | null;
}

const ownedBy = (authorUserId: string | null, actor: Actor | null): boolean => actor === null || authorUserId === actor.userId;

const lineOf = (path: string): number => Number(/^\w+ (\d+)/.exec(path)?.[1] ?? 0);

export type Progress = (phase: 'check' | 'write', done: number, total: number) => void;

export async function importReports(deps: Deps, actor: Actor | null, content: string, format: ImportFormat, onProgress: Progress = () => undefined): Promise<ImportResult> {
  authorize(actor, 'report.create');
  const parsed = parseImport(content, format);
  if (parsed.rows.length === 0 && parsed.errors.length > 0) throw invalidCapped(parsed.errors);
  const now = deps.clock.now();
  const label = format === 'csv' ? 'line' : 'feature';
  const seen = new Set<string>();
  const known = new Set<string>();
  // A clientId another account already used is not a harmless repeat: as a single filing's 409.
  const foreign = new Set<string>();
  const ids = parsed.rows.map((r) => r.input.clientId);
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rows = await deps.db.selectFrom('reports').select(['client_id', 'author_user_id']).where('client_id', 'in', chunk).execute();
    for (const r of rows) (ownedBy(r.author_user_id, actor) ? known : foreign).add(r.client_id);
  }
  const errors: FieldError[] = [...parsed.errors];
  const ready: { input: (typeof parsed.rows)[number]['input']; ctx: Awaited<ReturnType<typeof prepareReport>> }[] = [];
  let done = 0;
  for (const row of parsed.rows) {
    onProgress('check', ++done, parsed.rows.length);
    if (known.has(row.input.clientId)) continue;
    if (foreign.has(row.input.clientId)) {
      errors.push({ path: `${label} ${row.line}: clientId`, message: 'was already used for another account\'s report' });
      continue;
    }
    if (seen.has(row.input.clientId)) {
      errors.push({ path: `${label} ${row.line}: clientId`, message: 'repeats an earlier row of this file' });
      continue;
    }
    seen.add(row.input.clientId);
    try {
      ready.push({ input: row.input, ctx: await prepareReport(deps.db, row.input, now) });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      for (const e of err.errors ?? []) errors.push({ path: `${label} ${row.line}: ${e.path}`, message: e.message });
    }
  }
  // Report every bad row in file order, whichever check found it.
  if (errors.length > 0) throw invalidCapped(errors.sort((a, b) => lineOf(a.path) - lineOf(b.path)));
  if (ready.length === 0) return { created: 0, repeats: parsed.rows.length, incidents: 0, logIndex: null };
  let w: Written<number>;
  try {
    w = await writeWithLog(deps, async (tx, record) => {
      const incidents = new Set<string>();
      let written = 0;
      for (const r of ready) {
        const row = await insertReport(tx, record, r.input, r.ctx, actor, now);
        incidents.add(row.incident_id);
        onProgress('write', ++written, ready.length);
      }
      return incidents.size;
    });
  } catch (err) {
    // A report with one of these clientIds was filed meanwhile (nothing of the import was kept).
    if (isUniqueViolation(err)) throw conflict('a report with one of these clientIds was filed during the import; nothing was imported, send the file again');
    throw err;
  }
  await deps.events.publish({ topic: 'incident', id: 'import', at: now.toISOString() });
  return { created: ready.length, repeats: parsed.rows.length - ready.length, incidents: w.value, logIndex: w.logIndex };
}
