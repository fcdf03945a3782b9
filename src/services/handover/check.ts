/**
 * @module The handover check over a period: loads the plan, runs the pure check, names the
 * sectors, and keeps only the findings the caller may read.
 *
 * A finding is as restricted as the records it is drawn from: a vacuum or an understrength in a
 * sector depends on every deployment there (figures and last days included), the contributions
 * behind them, the sector's milestones and requirements; an overcommitted contribution on its
 * figures and all its deployments; an unconfirmed deployment on it and its contribution. It is
 * shown only to whoever may read all of them, so no finding (nor its absence among what a
 * reader may see) tells more than the records the reader may read. An unconsented finding's
 * consent gaps are as restricted as their decisions: one the reader may not read is left out
 * (capabilities/consent/services/gaps.ts `readableConsentGaps`).
 */
import { authorize, type Actor } from '../../domain/policy.ts';
import { checkHandover, type Finding } from '../../domain/handover/check.ts';
import type { Deps } from '../deps.ts';
import { loadPlanData, type PlanRows } from '../force/plan-data.ts';
import { releaseScope, type ReleaseScope } from '../force/release-scope.ts';
import { consentIndex, deploymentConsentGaps, readableConsentGaps } from '../../capabilities/consent/services/gaps.ts';

export type NamedFinding = Finding & { sectorName: string };

function readableFinding(f: Finding, rows: PlanRows, scope: ReleaseScope): boolean {
  const contributionOk = (id: string, figures: boolean) => {
    const c = rows.contributions.find((x) => x.id === id);
    return c !== undefined && scope.contribution(c) && (!figures || scope.contributionDetail(c));
  };
  const deploymentOk = (d: PlanRows['deployments'][number]) => scope.deployment(d) && scope.deploymentDetail(d);
  switch (f.kind) {
    case 'vacuum':
    case 'understrength': {
      const here = rows.deployments.filter((d) => d.sector_id === f.sectorId);
      return (
        here.every((d) => deploymentOk(d) && contributionOk(d.contribution_id, false)) &&
        rows.milestones.filter((m) => m.sector_id === f.sectorId).every((m) => scope.milestone(m)) &&
        rows.requirements.filter((r) => r.sector_id === f.sectorId).every((r) => scope.requirement(r))
      );
    }
    case 'overcommitted':
      return (
        contributionOk(f.contributionId, true) &&
        rows.deployments.filter((d) => d.contribution_id === f.contributionId).every(deploymentOk)
      );
    case 'unconsented':
    case 'unconfirmed': {
      const d = rows.deployments.find((x) => x.id === f.deploymentId);
      return d !== undefined && deploymentOk(d) && contributionOk(f.contributionId, false);
    }
  }
}

export async function handoverCheck(
  deps: Deps,
  actor: Actor | null,
  from: string,
  to: string,
): Promise<NamedFinding[]> {
  authorize(actor, 'handover.read');
  const [data, scope, consent] = await Promise.all([
    loadPlanData(deps.db, { milestones: true, deployments: true }),
    releaseScope(deps.db, actor),
    consentIndex(deps.db, deps.clock.now()),
  ]);
  const consentGaps = deploymentConsentGaps(consent, data.deployments);
  const names = new Map(data.sectors.map((s) => [s.id, s.name]));
  const findings = checkHandover({ from, to, sectorIds: data.sectors.map((s) => s.id), ...data, consentGaps }).filter(
    (f) => scope.seesAll || readableFinding(f, data.rows, scope),
  );
  const gapsOf = findings.some((f) => f.kind === 'unconsented') ? await readableConsentGaps(deps.db, actor) : null;
  return findings.map((f) => ({
    ...(f.kind === 'unconsented' && gapsOf !== null ? { ...f, consent: gapsOf(f.consent) } : f),
    sectorName: names.get(f.sectorId) ?? '',
  }));
}
