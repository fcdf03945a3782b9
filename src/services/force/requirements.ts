/** @module The mandate's requirements: how much of which capability, where, needed by when, per phase. */
import { randomUUID } from 'node:crypto';
import type { CreateRequirement } from '../../contract/force.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { insertRequirement, listRequirements, type RequirementRow } from '../../repositories/force/requirements.ts';
import { findSector } from '../../repositories/sectors.ts';
import type { Deps } from '../deps.ts';
import { invalid } from '../errors.ts';
import { writeWithLog, type Written } from '../write.ts';
import { chooseLevels, HANDOVER_TOPIC } from '../contributions.ts';
import { DEFAULT_RELEASE } from '../../domain/policy/force.ts';
import { releaseScope } from './release-scope.ts';
import { sectorRequirementKind } from '../../log/kinds/force.ts';

export async function requirements(deps: Deps, actor: Actor | null): Promise<RequirementRow[]> {
  authorize(actor, 'force.read');
  const [rows, scope] = await Promise.all([listRequirements(deps.db), releaseScope(deps.db, actor)]);
  return rows.filter((r) => scope.requirement(r));
}

export async function createRequirement(
  deps: Deps,
  actor: Actor | null,
  input: CreateRequirement,
): Promise<Written<RequirementRow>> {
  authorize(actor, 'requirement.write');
  if (input.sectorId !== null && !(await findSector(deps.db, input.sectorId)))
    throw invalid([{ path: 'sectorId', message: 'no such sector' }]);
  const { releasability } = chooseLevels(actor, DEFAULT_RELEASE.requirement, { releasability: input.releasability });
  const now = deps.clock.now();
  const row: RequirementRow = {
    id: randomUUID(),
    task: input.task,
    capability: input.capability,
    sector_id: input.sectorId,
    phase: input.phase,
    quantity: input.quantity,
    needed_by: input.neededBy,
    note: input.note,
    version: 1,
    created_at: now,
    updated_at: now,
    releasability,
  };
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertRequirement(tx, row);
    await record({
      kind: 'sector_requirement',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...sectorRequirementKind.fields(row),
    });
    announce(HANDOVER_TOPIC, row.id);
    return row;
  });
}
