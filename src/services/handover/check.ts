/** @module The handover check over a period: loads the plan, runs the pure check, names the sectors. */
import { authorize, type Actor } from '../../domain/policy.ts';
import { checkHandover, type Finding } from '../../domain/handover/check.ts';
import type { Deps } from '../deps.ts';
import { loadPlanData } from '../force/plan-data.ts';

export type NamedFinding = Finding & { sectorName: string };

export async function handoverCheck(deps: Deps, actor: Actor | null, from: string, to: string): Promise<NamedFinding[]> {
  authorize(actor, 'handover.read');
  const data = await loadPlanData(deps.db, { milestones: true, deployments: true });
  const names = new Map(data.sectors.map((s) => [s.id, s.name]));
  const findings = checkHandover({ from, to, sectorIds: data.sectors.map((s) => s.id), ...data });
  return findings.map((f) => ({ ...f, sectorName: names.get(f.sectorId) ?? '' }));
}
