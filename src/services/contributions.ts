/**
 * @module Contributions to the force: recording one, and moving it through its statuses by the
 * transition table (src/domain/force/status.ts), each move kept with who, when and why.
 */
import { randomUUID } from 'node:crypto';
import type { CreateContribution } from '../contract/contributions.ts';
import type { TransitionContribution } from '../contract/force.ts';
import { authorize, type Actor } from '../domain/policy.ts';
import { DEFAULT_RELEASE, detailWithinRecord, earliestDeclarationDay } from '../domain/policy/force.ts';
import type { ReleaseLevel } from '../contract/enums.ts';
import { checkTransition, needsCertification, statusesOf, trackOf } from '../domain/force/status.ts';
import { dayOf, dayOfInstant, isoOf } from '../domain/force/days.ts';
import { findOrganisation, missionCreatedAt } from '../repositories/organisations.ts';
import {
  findContribution,
  findContributionForUpdate,
  insertContribution,
  listContributions,
  updateContributionStatus,
  type ContributionRow,
} from '../repositories/contributions.ts';
import {
  insertTransition,
  lastTransitionDay,
  listTransitions,
  type TransitionRow,
} from '../repositories/force/transitions.ts';
import type { Deps } from './deps.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { updateVersioned, writeWithLog, type RecordFn, type Written } from './write.ts';
import type { Topic } from '../contract/routes.ts';
import { releaseScope, type Released } from './force/release-scope.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { contributionTransitionKind } from '../log/kinds/force.ts';
import { contributionKind } from '../log/kinds/foundation.ts';

/** Every contribution the caller may see, each with whether its figures may be shown. */
export async function contributions(deps: Deps, actor: Actor | null): Promise<Released<ContributionRow>[]> {
  authorize(actor, 'contribution.read');
  const [rows, scope] = await Promise.all([listContributions(deps.db), releaseScope(deps.db, actor)]);
  return rows.filter((c) => scope.contribution(c)).map((row) => ({ row, detail: scope.contributionDetail(row) }));
}

/**
 * The levels a new record gets: the defaults, or what the caller asked for if it may release
 * (coordinators). Asking without the right is a 403; figures looser than the record a 400.
 */
export function chooseLevels<D extends { releasability: ReleaseLevel; detail_releasability?: ReleaseLevel }>(
  actor: Actor | null,
  defaults: D,
  asked: { releasability?: ReleaseLevel | undefined; detailReleasability?: ReleaseLevel | undefined },
): { releasability: ReleaseLevel; detail_releasability: ReleaseLevel } {
  if (asked.releasability !== undefined || asked.detailReleasability !== undefined) authorize(actor, 'force.release');
  const releasability = asked.releasability ?? defaults.releasability;
  const detail = asked.detailReleasability ?? defaults.detail_releasability ?? releasability;
  // A looser default detail than an asked-for stricter record follows the record.
  const detail_releasability =
    asked.detailReleasability === undefined && !detailWithinRecord(releasability, detail) ? releasability : detail;
  if (!detailWithinRecord(releasability, detail_releasability)) {
    throw invalid([
      { path: 'detailReleasability', message: 'the figures cannot be released further than the record itself' },
    ]);
  }
  return { releasability, detail_releasability };
}

/**
 * Refuses an effective day the caller may not give: only the mission records history; anyone
 * else dates a declaration at most a fortnight back and never before the mission started.
 */
export async function checkDeclarationDay(deps: Deps, actor: Actor | null, day: string, path: string): Promise<void> {
  const created = await missionCreatedAt(deps.db);
  const missionStart = created !== undefined ? dayOfInstant(new Date(created)) : Number.NEGATIVE_INFINITY;
  const earliest = earliestDeclarationDay(actor, dayOfInstant(deps.clock.now()), missionStart);
  if (earliest !== null && dayOf(day) < earliest) {
    throw invalid([
      { path, message: `must not be before ${isoOf(earliest)}: only the mission records earlier history` },
    ]);
  }
}

/** Announced after commit by every write of the plan, so every open plan and dashboard rechecks. */
export const HANDOVER_TOPIC = 'handover' satisfies Topic;

export async function createContribution(
  deps: Deps,
  actor: Actor | null,
  input: CreateContribution,
): Promise<Written<ContributionRow>> {
  authorize(actor, 'contribution.create', { organisationId: input.organisationId });
  if (needsCertification(input.status)) authorize(actor, 'contribution.certify');
  const org = await findOrganisation(deps.db, input.organisationId);
  if (!org) throw invalid([{ path: 'organisationId', message: 'no such organisation' }]);
  if (!statusesOf(trackOf(input.kind)).includes(input.status)) {
    throw invalid([{ path: 'status', message: `${input.status} is not a status of a ${input.kind} contribution` }]);
  }
  if ((input.kind === 'money') !== (input.unit === 'currency')) {
    throw invalid([{ path: 'unit', message: 'money is counted in a currency, and only money is' }]);
  }
  const now = deps.clock.now();
  const since = input.statusSince ?? isoOf(dayOfInstant(now));
  if (dayOf(since) > dayOfInstant(now)) throw invalid([{ path: 'statusSince', message: 'must not be in the future' }]);
  await checkDeclarationDay(deps, actor, since, 'statusSince');
  const levels = chooseLevels(actor, DEFAULT_RELEASE.contribution, input);
  const row: ContributionRow = {
    id: randomUUID(),
    organisation_id: org.id,
    organisation_name: org.name,
    kind: input.kind,
    capability: input.capability,
    quantity: input.quantity === null ? null : String(input.quantity),
    unit: input.unit,
    currency: input.currency ?? null,
    status: input.status,
    caveats: input.caveats,
    expected_arrival: input.expectedArrival ?? null,
    note: input.note,
    version: 1,
    created_at: now,
    updated_at: now,
    ...levels,
  };
  return writeWithLog(deps, async (tx, record, announce) => {
    const { organisation_name: _name, ...columns } = row;
    await insertContribution(tx, columns);
    // Without statusSince the status dates from the record itself (its creation is in the log);
    // a backdated status gets its own history entry, recorded first so the contribution's
    // change is the last one and its log index is the one returned.
    if (input.statusSince !== undefined) {
      await recordTransition(tx, record, actor, now, {
        contribution_id: row.id,
        from_status: null,
        to_status: row.status,
        effective_on: since,
        reason: 'recorded',
      });
    }
    await record({
      kind: 'contribution',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...contributionKind.fields(columns),
    });
    announce(HANDOVER_TOPIC, row.id);
    return row;
  });
}

async function recordTransition(
  tx: Kysely<DB>,
  record: RecordFn,
  actor: Actor | null,
  now: Date,
  t: Pick<TransitionRow, 'contribution_id' | 'from_status' | 'to_status' | 'effective_on' | 'reason'>,
): Promise<TransitionRow> {
  const row: TransitionRow = {
    id: randomUUID(),
    ...t,
    actor_user_id: actor?.userId ?? null,
    recorded_at: now,
    version: 1,
  };
  await insertTransition(tx, row);
  await record({
    kind: 'contribution_transition',
    id: row.id,
    version: 1,
    op: 'create',
    at: now,
    actor,
    ...contributionTransitionKind.fields(row),
  });
  return row;
}

/** A contribution's moves; one the caller may not see is not found (never forbidden: that would confirm it exists). */
export async function contributionTransitions(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<Released<TransitionRow>[]> {
  authorize(actor, 'contribution.read');
  const [contribution, scope] = await Promise.all([findContribution(deps.db, id), releaseScope(deps.db, actor)]);
  if (!contribution || !scope.contribution(contribution)) throw notFound('contribution');
  const detail = scope.contributionDetail(contribution);
  return (await listTransitions(deps.db, id)).map((row) => ({ row, detail }));
}

/**
 * Moves a contribution to a new status. A move the table forbids, or one made on a version the
 * caller did not see, is a 409 and changes nothing.
 */
export async function transitionContribution(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: TransitionContribution,
): Promise<Written<{ contribution: ContributionRow; transition: TransitionRow }>> {
  const seen = await findContribution(deps.db, id);
  if (!seen) throw notFound('contribution');
  authorize(actor, 'contribution.transition', { organisationId: seen.organisation_id });
  if (needsCertification(input.to)) authorize(actor, 'contribution.certify');
  const now = deps.clock.now();
  const today = dayOfInstant(now);
  const effectiveOn = input.effectiveOn ?? isoOf(today);
  if (dayOf(effectiveOn) > today)
    throw invalid([{ path: 'effectiveOn', message: 'a status move cannot take effect in the future' }]);
  await checkDeclarationDay(deps, actor, effectiveOn, 'effectiveOn');
  return writeWithLog(deps, async (tx, record, announce) => {
    let transition: TransitionRow | undefined;
    // Locks the row: two moves of one contribution are checked one after the other.
    const { next } = await updateVersioned(tx, record, announce, {
      kind: contributionKind,
      what: 'contribution',
      id,
      seen: input.version,
      staleMessage: (current, seenVersion) =>
        `the contribution is at version ${current}, not ${seenVersion}: reload and try again`,
      lock: findContributionForUpdate,
      next: async (current) => {
        const check = checkTransition(current.kind, current.status, input.to);
        if (!check.ok) throw conflict(check.reason);
        // With no recorded move, the status dates from the day the contribution was recorded.
        const previous = (await lastTransitionDay(tx, id)) ?? isoOf(dayOfInstant(new Date(current.created_at)));
        if (previous > effectiveOn) {
          throw invalid([{ path: 'effectiveOn', message: `must not be before the previous move (${previous})` }]);
        }
        return { ...current, status: input.to, updated_at: now };
      },
      save: async (t, updated, current) => {
        await updateContributionStatus(t, id, { status: updated.status, version: updated.version, updated_at: now });
        // The transition row before the contribution's change, so that one is the last (its index is returned).
        transition = await recordTransition(t, record, actor, now, {
          contribution_id: id,
          from_status: current.status,
          to_status: input.to,
          effective_on: effectiveOn,
          reason: input.reason,
        });
      },
      op: 'transition',
      at: now,
      actor,
      topic: HANDOVER_TOPIC,
    });
    if (!transition) throw new Error('the transition was not recorded');
    return { contribution: { ...next, organisation_name: seen.organisation_name }, transition };
  });
}
