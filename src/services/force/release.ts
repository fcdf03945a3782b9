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
import { invalid } from '../errors.ts';
import { updateVersioned, writeWithLog, type AnnounceFn, type RecordFn, type Written } from '../write.ts';
import { HANDOVER_TOPIC } from '../contributions.ts';
import { findContributionForUpdate, setContributionReleasability } from '../../repositories/contributions.ts';
import { findDeploymentForUpdate, setDeploymentReleasability } from '../../repositories/handover/deployments.ts';
import { findRequirementForUpdate, setRequirementReleasability } from '../../repositories/force/requirements.ts';
import { findMilestoneForUpdate, setMilestoneReleasability } from '../../repositories/handover/milestones.ts';
import { deploymentKind, handoverMilestoneKind, sectorRequirementKind } from '../../log/kinds/force.ts';
import { contributionKind } from '../../log/kinds/foundation.ts';

export interface Release {
  kind: ReleasableKind;
  id: string;
  version: number;
  releasability: ReleaseLevel;
  detailReleasability: ReleaseLevel;
}

type Levels = { releasability: ReleaseLevel; detail_releasability: ReleaseLevel };

/** Locks the row, checks the version, writes the new levels and records the change (updateVersioned). */
async function apply(
  tx: Kysely<DB>,
  record: RecordFn,
  announce: AnnounceFn,
  actor: Actor | null,
  now: Date,
  kind: ReleasableKind,
  id: string,
  input: SetRelease,
): Promise<Release> {
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
  const done = (
    { next }: { next: { version: number; releasability: ReleaseLevel } },
    detail: ReleaseLevel,
  ): Release => ({
    kind,
    id,
    version: next.version,
    releasability: next.releasability,
    detailReleasability: detail,
  });
  // Each record a new version, logged as a permission change, announced to open plans.
  const common = { id, seen: input.version, op: 'permission', at: now, actor, topic: HANDOVER_TOPIC } as const;
  switch (kind) {
    case 'contribution': {
      const u = await updateVersioned(tx, record, announce, {
        ...common,
        kind: contributionKind,
        what: 'contribution',
        lock: findContributionForUpdate,
        next: (current) => ({ ...current, ...levelsOf(current), updated_at: now }),
        save: (t, row) =>
          setContributionReleasability(t, id, {
            releasability: row.releasability,
            detail_releasability: row.detail_releasability,
            version: row.version,
            updated_at: now,
          }),
      });
      return done(u, u.next.detail_releasability);
    }
    case 'deployment': {
      const u = await updateVersioned(tx, record, announce, {
        ...common,
        kind: deploymentKind,
        what: 'deployment',
        lock: findDeploymentForUpdate,
        next: (current) => ({ ...current, ...levelsOf(current), updated_at: now }),
        save: (t, row) =>
          setDeploymentReleasability(t, id, {
            releasability: row.releasability,
            detail_releasability: row.detail_releasability,
            version: row.version,
            updated_at: now,
          }),
      });
      return done(u, u.next.detail_releasability);
    }
    case 'requirement': {
      let detail: ReleaseLevel = input.releasability;
      const u = await updateVersioned(tx, record, announce, {
        ...common,
        kind: sectorRequirementKind,
        what: 'requirement',
        lock: findRequirementForUpdate,
        next: (current) => {
          const l = levelsOf({ releasability: current.releasability });
          detail = l.detail_releasability;
          return { ...current, releasability: l.releasability, updated_at: now };
        },
        save: (t, row) =>
          setRequirementReleasability(t, id, {
            releasability: row.releasability,
            version: row.version,
            updated_at: now,
          }),
      });
      return done(u, detail);
    }
    case 'milestone': {
      let detail: ReleaseLevel = input.releasability;
      const u = await updateVersioned(tx, record, announce, {
        ...common,
        kind: handoverMilestoneKind,
        what: 'milestone',
        lock: findMilestoneForUpdate,
        next: (current) => {
          const l = levelsOf({ releasability: current.releasability });
          detail = l.detail_releasability;
          return { ...current, releasability: l.releasability, updated_at: now };
        },
        save: (t, row) =>
          setMilestoneReleasability(t, id, { releasability: row.releasability, version: row.version, updated_at: now }),
      });
      return done(u, detail);
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
  return writeWithLog(deps, (tx, record, announce) => apply(tx, record, announce, actor, now, kind, id, input));
}
