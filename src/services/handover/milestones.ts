/** @module Withdrawal milestones: which area is vacated when, under which condition. */
import { randomUUID } from 'node:crypto';
import type { CreateMilestone, UpdateMilestone } from '../../contract/force.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import {
  findMilestone,
  findMilestoneForUpdate,
  insertMilestone,
  listMilestones,
  updateMilestoneTerms,
  type MilestoneRow,
} from '../../repositories/handover/milestones.ts';
import { findSector } from '../../repositories/sectors.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { writeWithLog, type Written } from '../write.ts';
import { announceHandoverChange, chooseLevels } from '../contributions.ts';
import { DEFAULT_RELEASE } from '../../domain/policy/force.ts';
import { findOrganisation } from '../../repositories/organisations.ts';
import { releaseScope } from '../force/release-scope.ts';
import { FORCE_KINDS, forceLogFields } from '../../log/fields/force.ts';

export async function milestones(deps: Deps, actor: Actor | null): Promise<MilestoneRow[]> {
  authorize(actor, 'handover.read');
  const [rows, scope] = await Promise.all([listMilestones(deps.db), releaseScope(deps.db, actor)]);
  return rows.filter((m) => scope.milestone(m));
}

export async function createMilestone(
  deps: Deps,
  actor: Actor | null,
  input: CreateMilestone,
): Promise<Written<MilestoneRow>> {
  authorize(actor, 'milestone.write');
  const { releasability } = chooseLevels(actor, DEFAULT_RELEASE.milestone, { releasability: input.releasability });
  const [sector, party] = await Promise.all([
    findSector(deps.db, input.sectorId),
    input.partyId === null ? undefined : findOrganisation(deps.db, input.partyId),
  ]);
  const errors = [];
  if (!sector) errors.push({ path: 'sectorId', message: 'no such sector' });
  if (input.partyId !== null && party?.kind !== 'party')
    errors.push({ path: 'partyId', message: 'must be an organisation of kind party' });
  if (errors.length > 0) throw invalid(errors);
  const now = deps.clock.now();
  const row: MilestoneRow = {
    id: randomUUID(),
    sector_id: input.sectorId,
    kind: input.kind,
    at: input.at,
    area: input.area,
    condition: input.condition,
    version: 1,
    created_at: now,
    updated_at: now,
    party_id: input.partyId,
    releasability,
  };
  const written = await writeWithLog(deps, async (tx, record) => {
    await insertMilestone(tx, row);
    await record({
      kind: FORCE_KINDS.milestone,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...forceLogFields('milestone', row),
    });
    return row;
  });
  await announceHandoverChange(deps, row.id);
  return written;
}

export async function updateMilestone(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: UpdateMilestone,
): Promise<Written<MilestoneRow>> {
  authorize(actor, 'milestone.write');
  if (!(await findMilestone(deps.db, id))) throw notFound('milestone');
  const now = deps.clock.now();
  const written = await writeWithLog(deps, async (tx, record) => {
    const current = await findMilestoneForUpdate(tx, id);
    if (!current) throw notFound('milestone');
    if (input.version !== undefined && input.version !== current.version)
      throw conflict(`the milestone is at version ${current.version}, not ${input.version}`);
    const row: MilestoneRow = {
      ...current,
      at: input.at ?? current.at,
      area: input.area ?? current.area,
      condition: input.condition ?? current.condition,
      version: current.version + 1,
      updated_at: now,
    };
    await updateMilestoneTerms(tx, id, {
      at: row.at,
      area: row.area,
      condition: row.condition,
      version: row.version,
      updated_at: now,
    });
    await record({
      kind: FORCE_KINDS.milestone,
      id,
      version: row.version,
      op: 'update',
      at: now,
      actor,
      ...forceLogFields('milestone', row),
    });
    return row;
  });
  await announceHandoverChange(deps, id);
  return written;
}
