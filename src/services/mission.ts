/** @module The mission's settings (name, force ceiling, approval quorum), for any account. */
import type { Deps } from './deps.ts';
import { authorize, type Actor } from '../domain/policy.ts';
import { notFound } from './errors.ts';
import { getMission } from '../repositories/organisations.ts';

export async function mission(deps: Deps, actor: Actor | null) {
  authorize(actor, 'mission.read');
  const m = await getMission(deps.db);
  if (!m) throw notFound('mission');
  return m;
}
