/** @module Browsing the record of changes: newest first, or one record's history. */
import type { LogChangesQuery } from '../contract/log.ts';
import { authorize, type Actor } from '../domain/policy.ts';
import { listChanges, type ChangeRow } from '../repositories/record-changes.ts';
import type { Deps } from './deps.ts';

export async function logChanges(deps: Deps, actor: Actor | null, q: LogChangesQuery): Promise<ChangeRow[]> {
  authorize(actor, 'log.read');
  return listChanges(deps.db, q);
}
