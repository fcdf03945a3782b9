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
import { invalid, notFound } from '../errors.ts';
import { writeVersioned, writeWithLog, type Written } from '../write.ts';
import { chooseLevels, HANDOVER_TOPIC } from '../contributions.ts';
import { DEFAULT_RELEASE } from '../../domain/policy/force.ts';
import { findOrganisation } from '../../repositories/organisations.ts';
import { releaseScope } from '../force/release-scope.ts';
import { handoverMilestoneKind } from '../../log/kinds/force.ts';

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
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertMilestone(tx, row);
    await record({
      kind: 'handover_milestone',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...handoverMilestoneKind.fields(row),
    });
    announce(HANDOVER_TOPIC, row.id);
    return row;
  });
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
  return writeVersioned(deps, {
    kind: handoverMilestoneKind,
    what: 'milestone',
    id,
    seen: input.version,
    lock: findMilestoneForUpdate,
    next: (current) => ({
      ...current,
      at: input.at ?? current.at,
      area: input.area ?? current.area,
      condition: input.condition ?? current.condition,
      updated_at: now,
    }),
    save: (tx, row) =>
      updateMilestoneTerms(tx, id, {
        at: row.at,
        area: row.area,
        condition: row.condition,
        version: row.version,
        updated_at: now,
      }),
    op: 'update',
    at: now,
    actor,
    topic: HANDOVER_TOPIC,
  });
}
