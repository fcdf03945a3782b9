/**
 * @module Cleaning up import staging: an import's own rows once it is published or failed, and
 * imports a crashed process left in `staging` once they have been untouched for STALE_MS
 * (every staging batch touches its import, so a live import is never taken for a dead one).
 * Rows go in small batches, each its own short statement, so a sweep never stalls readers.
 */
import type { Deps } from '../deps.ts';
import { yieldToOthers } from './import-limits.ts';
import {
  abandonIfStale,
  deleteImport,
  deleteStagedBatch,
  importsToSweep,
} from '../../repositories/monitoring/imports.ts';

export const STALE_MS = 2 * 60_000;
const DELETE_BATCH = 2000;

async function deleteRows(deps: Deps, importId: string): Promise<void> {
  while ((await deleteStagedBatch(deps.db, importId, DELETE_BATCH)) > 0) await yieldToOthers();
  await deleteImport(deps.db, importId);
}

/**
 * With `own`: that import is over (published or failed): mark it abandoned if it never
 * published, then delete its rows. Without: sweep every finished or stale import.
 */
export async function sweepImports(deps: Deps, own?: string, staleMs = STALE_MS): Promise<void> {
  const now = deps.clock.now();
  if (own) {
    // Staging that never published: abandon it now (an "untouched since the future" cut-off).
    await abandonIfStale(deps.db, own, new Date(now.getTime() + 1));
    await deleteRows(deps, own);
    return;
  }
  const staleBefore = new Date(now.getTime() - staleMs);
  for (const id of await importsToSweep(deps.db, staleBefore)) {
    await abandonIfStale(deps.db, id, staleBefore);
    await deleteRows(deps, id);
  }
}
