/**
 * @module Changing who may read a force or handover record: a policy decision (`force.release`,
 * coordinators), each change a new version of the record in the log (op `permission`). The log
 * never carried the record's content in clear (see log/fields/force.ts), so a level lowered later
 * unpublishes nothing and a level raised later finds nothing already published.
 */
import type { Kysely } from 'kysely';
import type { ReleasableKind, SetRelease } from '../../contract/force.ts';
import type { ReleaseLevel } from '../../contract/enums.ts';
import type { DB } from '../../db/schema.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { detailWithinRecord } from '../../domain/policy/force.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { writeWithLog, type RecordFn, type Written } from '../write.ts';
import { announceHandoverChange } from '../contributions.ts';
import { FORCE_KINDS, forceLogFields } from '../../log/fields/force.ts';
import { findContributionForUpdate, setContributionReleasability } from '../../repositories/contributions.ts';
import { findDeploymentForUpdate, setDeploymentReleasability } from '../../repositories/handover/deployments.ts';
import { findRequirementForUpdate, setRequirementReleasability } from '../../repositories/force/requirements.ts';
import { findMilestoneForUpdate, setMilestoneReleasability } from '../../repositories/handover/milestones.ts';

export interface Release {
  kind: ReleasableKind;
  id: string;
  version: number;
  releasability: ReleaseLevel;
  detailReleasability: ReleaseLevel;
}

type Levels = { releasability: ReleaseLevel; detail_releasability: ReleaseLevel };

/** Locks the row, checks the version, writes the new levels and records the change. */
async function apply(
  tx: Kysely<DB>,
  record: RecordFn,
  actor: Actor | null,
  now: Date,
  kind: ReleasableKind,
  id: string,
  input: SetRelease,
): Promise<Release> {
  const stale = (v: number) => input.version !== undefined && input.version !== v;
  const levelsOf = (current: Partial<Levels> & { releasability: ReleaseLevel }): Levels => {
    const hasDetail = current.detail_releasability !== undefined;
    if (!hasDetail && input.detailReleasability !== undefined)
      throw invalid([{ path: 'detailReleasability', message: `a ${kind} has no separate figures` }]);
    const detail = input.detailReleasability ?? (hasDetail ? current.detail_releasability! : input.releasability);
    if (!detailWithinRecord(input.releasability, detail)) {
      throw invalid([
        { path: 'detailReleasability', message: 'the figures cannot be released further than the record itself' },
      ]);
    }
    return { releasability: input.releasability, detail_releasability: detail };
  };
  const done = (version: number, l: Levels): Release => ({
    kind,
    id,
    version,
    releasability: l.releasability,
    detailReleasability: l.detail_releasability,
  });
  switch (kind) {
    case 'contribution': {
      const current = await findContributionForUpdate(tx, id);
      if (!current) throw notFound('contribution');
      if (stale(current.version))
        throw conflict(`the contribution is at version ${current.version}, not ${input.version}`);
      const l = levelsOf(current);
      const row = { ...current, ...l, version: current.version + 1, updated_at: now };
      await setContributionReleasability(tx, id, { ...l, version: row.version, updated_at: now });
      await record({
        kind: 'contribution',
        id,
        version: row.version,
        op: 'permission',
        at: now,
        actor,
        ...forceLogFields('contribution', row),
      });
      return done(row.version, l);
    }
    case 'deployment': {
      const current = await findDeploymentForUpdate(tx, id);
      if (!current) throw notFound('deployment');
      if (stale(current.version))
        throw conflict(`the deployment is at version ${current.version}, not ${input.version}`);
      const l = levelsOf(current);
      const row = { ...current, ...l, version: current.version + 1, updated_at: now };
      await setDeploymentReleasability(tx, id, { ...l, version: row.version, updated_at: now });
      await record({
        kind: FORCE_KINDS.deployment,
        id,
        version: row.version,
        op: 'permission',
        at: now,
        actor,
        ...forceLogFields('deployment', row),
      });
      return done(row.version, l);
    }
    case 'requirement': {
      const current = await findRequirementForUpdate(tx, id);
      if (!current) throw notFound('requirement');
      if (stale(current.version))
        throw conflict(`the requirement is at version ${current.version}, not ${input.version}`);
      const l = levelsOf({ releasability: current.releasability });
      const row = { ...current, releasability: l.releasability, version: current.version + 1, updated_at: now };
      await setRequirementReleasability(tx, id, {
        releasability: l.releasability,
        version: row.version,
        updated_at: now,
      });
      await record({
        kind: FORCE_KINDS.requirement,
        id,
        version: row.version,
        op: 'permission',
        at: now,
        actor,
        ...forceLogFields('requirement', row),
      });
      return done(row.version, l);
    }
    case 'milestone': {
      const current = await findMilestoneForUpdate(tx, id);
      if (!current) throw notFound('milestone');
      if (stale(current.version))
        throw conflict(`the milestone is at version ${current.version}, not ${input.version}`);
      const l = levelsOf({ releasability: current.releasability });
      const row = { ...current, releasability: l.releasability, version: current.version + 1, updated_at: now };
      await setMilestoneReleasability(tx, id, {
        releasability: l.releasability,
        version: row.version,
        updated_at: now,
      });
      await record({
        kind: FORCE_KINDS.milestone,
        id,
        version: row.version,
        op: 'permission',
        at: now,
        actor,
        ...forceLogFields('milestone', row),
      });
      return done(row.version, l);
    }
  }
}

export async function setReleasability(
  deps: Deps,
  actor: Actor | null,
  kind: ReleasableKind,
  id: string,
  input: SetRelease,
): Promise<Written<Release>> {
  authorize(actor, 'force.release');
  const now = deps.clock.now();
  const written = await writeWithLog(deps, (tx, record) => apply(tx, record, actor, now, kind, id, input));
  await announceHandoverChange(deps, id);
  return written;
}
