/** @module `GET /healthz`: the database answers, and which engine it is. */
import { pingDatabase } from '../repositories/health.ts';
import type { Deps } from './deps.ts';

export async function health(deps: Pick<Deps, 'db' | 'engine'>): Promise<{ status: 'ok'; db: Deps['engine'] }> {
  await pingDatabase(deps.db);
  return { status: 'ok', db: deps.engine };
}
