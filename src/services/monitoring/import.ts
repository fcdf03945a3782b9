/**
 * @module Bulk import of reports, all or nothing, without stalling other users.
 *
 * 1. check: every row (shape, time, ACLED pairing, mission area, clientIds); if any is bad the
 *    answer lists the first 100 errors in file order with their count, and nothing is written.
 * 2. plan: group the rows into incidents as filing them one by one would (import-plan.ts),
 *    with one short read per row and no transaction held.
 * 3. stage: write the planned rows into `report_import_rows` in small batches, each its own
 *    short transaction, yielding to the event loop between them, so PGlite's single session
 *    serves other requests meanwhile. Nobody reads the staging table: readers and the log see
 *    nothing of the import yet.
 * 4. publish: ONE transaction of a few set-based statements copies everything into the record
 *    tables and the log's outbox. It commits whole or not at all, so readers see the import
 *    entirely or not at all, and the log never holds half of it.
 * 5. clean up: staged rows deleted in small batches. An import a crash left in `staging` is
 *    claimed and deleted by a later import's sweep (or the server's start) once stale.
 *
 * Reports filed meanwhile by others are grouped as always, against what is published: never
 * into an incident the import has not published yet. The import's rows are grouped against
 * the incidents on record when it was planned; if one it joins has changed by publish time
 * (a report joined it, a monitor moved or merged it), the import is checked and planned again,
 * at most three times. Rows whose clientId this account already filed are repeats, skipped;
 * another account's clientId is a bad row.
 */
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '../../domain/policy.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalidCapped, ServiceError, type FieldError } from '../errors.ts';
import { isUniqueViolation } from '../sql-errors.ts';
import { prepareReport, type PlaceCache } from './reports.ts';
import { parseImport, type ImportFormat } from './import-parse.ts';
import { DEFAULT_IMPORT_LIMITS, yieldToOthers, type ImportLimits } from './import-limits.ts';
import { planImport, type CheckedRow, type ImportPlan } from './import-plan.ts';
import { sweepImports } from './import-sweep.ts';
import { listSectors } from '../../repositories/sectors.ts';
import { controlLineAt } from '../../repositories/control-lines.ts';
import {
  applyStagedIncidentUpdates,
  claimForPublish,
  clientIdAuthors,
  copyStaged,
  copyStagedChanges,
  createImport,
  stageBatch,
} from '../../repositories/monitoring/imports.ts';

export interface ImportResult {
  created: number;
  repeats: number;
  incidents: number;
  logIndex: number | null;
}

/** Called as work advances; a returned promise is awaited (tests use it to act between steps). */
export type Progress = (phase: 'check' | 'stage' | 'publish', done: number, total: number) => void | Promise<void>;

/** Staged rows per short transaction: small enough that a reader never waits long behind one. */
const STAGE_BATCH = 250;
/** Rows checked between two yields to the event loop. */
const CHECK_YIELD_EVERY = 200;
const ATTEMPTS = 3;

const ownedBy = (authorUserId: string | null, actor: Actor | null): boolean =>
  actor === null || authorUserId === actor.userId;

const lineOf = (path: string): number => Number(/^\w+ (\d+)/.exec(path)?.[1] ?? 0);

const abandoned = () =>
  conflict('the import was abandoned (it stalled for too long); nothing was imported, send the file again');

/** A plan the database no longer matches: check and plan again. */
class StalePlan extends Error {}

interface Checked {
  ready: CheckedRow[];
  repeats: number;
}

async function check(
  deps: Deps,
  actor: Actor | null,
  content: string,
  format: ImportFormat,
  limits: ImportLimits,
  now: Date,
  onProgress: Progress,
): Promise<Checked> {
  const parsed = await parseImport(content, format, limits.maxRows);
  if (parsed.rows.length === 0 && parsed.errors.length > 0) throw invalidCapped(parsed.errors);
  const label = format === 'csv' ? 'line' : 'feature';
  const seen = new Set<string>();
  const known = new Set<string>();
  // A clientId another account already used is not a harmless repeat: as a single filing's 409.
  const foreign = new Set<string>();
  for (const r of await clientIdAuthors(
    deps.db,
    parsed.rows.map((row) => row.input.clientId),
  ))
    (ownedBy(r.author_user_id, actor) ? known : foreign).add(r.client_id);
  const places: PlaceCache = { sectors: await listSectors(deps.db), line: await controlLineAt(deps.db, now) };
  const errors: FieldError[] = [...parsed.errors];
  const ready: CheckedRow[] = [];
  let repeats = 0;
  let done = 0;
  for (const row of parsed.rows) {
    if (done % CHECK_YIELD_EVERY === 0) await yieldToOthers();
    await onProgress('check', ++done, parsed.rows.length);
    const clientId = row.input.clientId;
    if (known.has(clientId)) {
      repeats += 1;
      continue;
    }
    if (foreign.has(clientId)) {
      errors.push({ path: `${label} ${row.line}: clientId`, message: "was already used for another account's report" });
      continue;
    }
    if (seen.has(clientId)) {
      errors.push({ path: `${label} ${row.line}: clientId`, message: 'repeats an earlier row of this file' });
      continue;
    }
    seen.add(clientId);
    try {
      ready.push({ input: row.input, ctx: await prepareReport(deps.db, row.input, now, places) });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      for (const e of err.errors ?? []) errors.push({ path: `${label} ${row.line}: ${e.path}`, message: e.message });
    }
  }
  // Every bad row in file order, whichever check found it; the first 100 listed, all counted.
  if (errors.length > 0) throw invalidCapped(errors.sort((a, b) => lineOf(a.path) - lineOf(b.path)));
  return { ready, repeats };
}

async function stage(deps: Deps, importId: string, plan: ImportPlan, onProgress: Progress): Promise<void> {
  for (let i = 0; i < plan.staged.length; i += STAGE_BATCH) {
    await yieldToOthers();
    if (!(await stageBatch(deps.db, importId, i, plan.staged.slice(i, i + STAGE_BATCH), deps.clock.now())))
      throw abandoned();
    await onProgress('stage', Math.min(i + STAGE_BATCH, plan.staged.length), plan.staged.length);
  }
}

/** The one transaction that makes the import visible: everything or nothing. Returns the last outbox id. */
async function publish(deps: Deps, importId: string, plan: ImportPlan): Promise<number | null> {
  return deps.db.transaction().execute(async (tx) => {
    if (!(await claimForPublish(tx, importId))) throw abandoned();
    // First, under row locks: the incidents on record it joins must be as the plan read them.
    if ((await applyStagedIncidentUpdates(tx, importId)) !== plan.joinedOnRecord) throw new StalePlan();
    await copyStaged(tx, importId, 'incidents');
    await copyStaged(tx, importId, 'incident_events');
    await copyStaged(tx, importId, 'reports');
    await copyStaged(tx, importId, 'incident_grid');
    await copyStaged(tx, importId, 'incident_coarse_grid');
    return copyStagedChanges(tx, importId);
  });
}

export async function importReports(
  deps: Deps,
  actor: Actor | null,
  content: string,
  format: ImportFormat,
  onProgress: Progress = () => undefined,
  limits: ImportLimits = deps.importLimits ?? DEFAULT_IMPORT_LIMITS,
): Promise<ImportResult> {
  authorize(actor, 'report.create');
  const now = deps.clock.now();
  await sweepImports(deps);
  for (let attempt = 1; ; attempt++) {
    const { ready, repeats } = await check(deps, actor, content, format, limits, now, onProgress);
    if (ready.length === 0) return { created: 0, repeats, incidents: 0, logIndex: null };
    const plan = await planImport(deps.db, ready, actor, now);
    const importId = randomUUID();
    await createImport(deps.db, importId, actor?.userId ?? null, deps.clock.now());
    let lastChange: number | null;
    try {
      await stage(deps, importId, plan, onProgress);
      await yieldToOthers();
      await onProgress('publish', 0, 1);
      lastChange = await publish(deps, importId, plan);
      await onProgress('publish', 1, 1);
    } catch (err) {
      await sweepImports(deps, importId);
      // A report with one of these clientIds was filed meanwhile (nothing of the import was kept).
      if (isUniqueViolation(err))
        throw conflict(
          'a report with one of these clientIds was filed during the import; nothing was imported, send the file again',
        );
      if (!(err instanceof StalePlan)) throw err;
      if (attempt >= ATTEMPTS)
        throw conflict('the incidents this import joins kept changing; nothing was imported, send the file again');
      continue;
    }
    await sweepImports(deps, importId);
    await deps.events.publish({ topic: 'incident', id: 'import', at: now.toISOString() });
    // The sequencer logs the outbox in id order: once the last change has its index, so has all of the import.
    const logIndex = lastChange === null ? null : ((await deps.log.indexesOf([lastChange]))[0] ?? null);
    return { created: ready.length, repeats, incidents: plan.incidents, logIndex };
  }
}
