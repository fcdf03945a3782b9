/** @module Deployments of the plan: which contributed unit takes which sector, from when, at what strength. */
import { randomUUID } from 'node:crypto';
import type { CreateDeployment, UpdateDeployment } from '../../contract/force.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { findContribution } from '../../repositories/contributions.ts';
import {
  findDeployment,
  findDeploymentForUpdate,
  insertDeployment,
  listDeployments,
  updateDeploymentPlan,
  type DeploymentRow,
} from '../../repositories/handover/deployments.ts';
import { findSector } from '../../repositories/sectors.ts';
import type { Deps } from '../deps.ts';
import { invalid, notFound } from '../errors.ts';
import { writeVersioned, writeWithLog, type Written } from '../write.ts';
import { chooseLevels, HANDOVER_TOPIC } from '../contributions.ts';
import { DEFAULT_RELEASE } from '../../domain/policy/force.ts';
import { releaseScope, type Released } from '../force/release-scope.ts';
import { deploymentKind } from '../../log/kinds/force.ts';

/** The deployments the caller may see, each with whether its strength and last day may be shown. */
export async function deployments(deps: Deps, actor: Actor | null): Promise<Released<DeploymentRow>[]> {
  authorize(actor, 'handover.read');
  const [rows, scope] = await Promise.all([listDeployments(deps.db), releaseScope(deps.db, actor)]);
  return rows.filter((d) => scope.deployment(d)).map((row) => ({ row, detail: scope.deploymentDetail(row) }));
}

export async function createDeployment(
  deps: Deps,
  actor: Actor | null,
  input: CreateDeployment,
): Promise<Written<DeploymentRow>> {
  authorize(actor, 'deployment.write');
  const [contribution, sector] = await Promise.all([
    findContribution(deps.db, input.contributionId),
    findSector(deps.db, input.sectorId),
  ]);
  const errors = [];
  if (!contribution) errors.push({ path: 'contributionId', message: 'no such contribution' });
  else if (contribution.unit !== 'personnel')
    errors.push({ path: 'contributionId', message: 'only personnel can be deployed to a sector' });
  else if (contribution.status === 'withdrawn' || contribution.status === 'rotated')
    errors.push({ path: 'contributionId', message: `the contribution is ${contribution.status}` });
  if (!sector) errors.push({ path: 'sectorId', message: 'no such sector' });
  if (errors.length > 0) throw invalid(errors);
  const levels = chooseLevels(actor, DEFAULT_RELEASE.deployment, input);
  const now = deps.clock.now();
  const row: DeploymentRow = {
    id: randomUUID(),
    contribution_id: input.contributionId,
    sector_id: input.sectorId,
    from_date: input.from,
    to_date: input.to,
    strength: input.strength,
    note: input.note,
    version: 1,
    created_at: now,
    updated_at: now,
    ...levels,
  };
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertDeployment(tx, row);
    await record({
      kind: 'deployment',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...deploymentKind.fields(row),
    });
    announce(HANDOVER_TOPIC, row.id);
    return row;
  });
}

export async function updateDeployment(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: UpdateDeployment,
): Promise<Written<DeploymentRow>> {
  authorize(actor, 'deployment.write');
  if (!(await findDeployment(deps.db, id))) throw notFound('deployment');
  const now = deps.clock.now();
  return writeVersioned(deps, {
    kind: deploymentKind,
    what: 'deployment',
    id,
    seen: input.version,
    lock: findDeploymentForUpdate,
    next: (current) => {
      const row: DeploymentRow = {
        ...current,
        from_date: input.from ?? current.from_date,
        to_date: input.to === undefined ? current.to_date : input.to,
        strength: input.strength ?? current.strength,
        note: input.note ?? current.note,
        updated_at: now,
      };
      if (row.to_date !== null && row.to_date < row.from_date)
        throw invalid([{ path: 'to', message: 'must not be before from' }]);
      return row;
    },
    save: (tx, row) =>
      updateDeploymentPlan(tx, id, {
        from_date: row.from_date,
        to_date: row.to_date,
        strength: row.strength,
        note: row.note,
        version: row.version,
        updated_at: now,
      }),
    op: 'update',
    at: now,
    actor,
    topic: HANDOVER_TOPIC,
  });
}
