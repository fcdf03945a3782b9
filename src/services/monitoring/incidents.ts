/**
 * @module The incident workflow as use cases: transitions (checked by the one table in
 * domain/monitoring/workflow.ts), joint approval by monitors of distinct monitoring bodies
 * (who counts: domain/monitoring/ruling.ts), assignment, merge and split. Every step locks the incident row, appends an immutable event,
 * bumps the incident's version and records both in the log; nothing is overwritten.
 */
import { placesByIds, type PlaceRow } from '../../repositories/monitoring/places.ts';
import { openingsOf } from '../../repositories/record-secrets.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ApprovalRequest,
  AssignRequest,
  IncidentFilter,
  MergeRequest,
  SplitRequest,
  TransitionRequest,
} from '../../contract/monitoring.ts';
import type { DB } from '../../db/schema.ts';
import { authorize, can, seesExactLocations, type Actor } from '../../domain/policy.ts';
import { checkTransition, OPEN_STATUSES } from '../../domain/monitoring/workflow.ts';
import {
  effectiveQuorum,
  rulingBody,
  tallyApprovals,
  type OrgNode,
  type RulingTally,
} from '../../domain/monitoring/ruling.ts';
import { findOrganisation } from '../../repositories/organisations.ts';
import {
  approvalsOfRound,
  findIncident,
  hasReviewedRound,
  historyOf,
  insertIncident,
  listIncidents,
  lockIncident,
  organisationTree,
  type IncidentEventRow,
  type IncidentRow,
} from '../../repositories/monitoring/incidents.ts';
import { findReports, moveReport, reportsOfIncident, type ReportRow } from '../../repositories/monitoring/reports.ts';
import { evidenceMeta } from '../../repositories/monitoring/evidence.ts';
import { findPrincipalById, organisationOfUser } from '../../repositories/users.ts';
import { actorOfPrincipal } from '../sessions.ts';
import { sectorName } from '../../repositories/sectors.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { isUniqueViolation } from '../sql-errors.ts';
import { writeWithLog, type RecordFn, type Written } from '../write.ts';
import { appendEvent, updateIncident, type IncidentState } from './incident-writes.ts';
import { applyGridChange } from '../../repositories/monitoring/grid.ts';
import { coarsePoint } from '../../domain/monitoring/precision.ts';
import { incidentKind, reportKind } from '../../log/kinds/monitoring.ts';
import { proposerOrganisation } from '../../domain/monitoring/appeal.ts';
import type { RulingRules } from '../../domain/monitoring/rules.ts';
import { appealView, decideAppealIfReached } from './appeals.ts';
import { rulesOf } from './rules.ts';

export interface IncidentView {
  incident: IncidentRow;
  reports: ReportRow[];
  history: IncidentEventRow[];
  /** The quorum in force (never below two bodies). */
  quorum: number;
  /** While a ruling is proposed: who counts now and what is still needed, with approvers' names. */
  ruling: RulingProgressView | null;
  /** Once ruled: the appeal period, and while appealed both tallies (same names as `ruling`). */
  appeal:
    | (Awaited<ReturnType<typeof appealView>> & {
        names: ReadonlyMap<string, string>;
        organisationNames: ReadonlyMap<string, string>;
      })
    | null;
  /** Media type and size of each evidence file the reports cite. */
  evidence: Map<string, { media_type: string; size: number }>;
  /** Salts of each report's restricted fields (the presenter passes them only to allowed readers). */
  openings: Map<string, Record<string, string>>;
  /** Salts of the incident's own restricted fields (exact place, assignee), likewise. */
  incidentOpenings: Record<string, string> | undefined;
  /** The gazetteer places the reports name (the presenter shows each reader the one it may see). */
  places: Map<string, PlaceRow>;
}

export type RulingProgressView = RulingTally & {
  names: ReadonlyMap<string, string>;
  organisationNames: ReadonlyMap<string, string>;
};

export async function incidentView(deps: Deps, actor: Actor | null, id: string): Promise<IncidentView> {
  authorize(actor, 'incident.read');
  const incident = await findIncident(deps.db, id);
  if (!incident) throw notFound('incident');
  const [reports, history, rules] = await Promise.all([
    reportsOfIncident(deps.db, id),
    historyOf(deps.db, id),
    rulesOf(deps.db),
  ]);
  const hashes = [...new Set(reports.flatMap((r) => (r.evidence as string[] | null) ?? []))];
  const files = await evidenceMeta(deps.db, hashes);
  const [openings, incidentOpenings] = await Promise.all([
    openingsOf(
      deps.db,
      'report',
      reports.map((r) => r.id),
    ),
    openingsOf(deps.db, 'incident', [id]),
  ]);
  const orgs = await organisationTree(deps.db);
  const organisationNames = new Map([...orgs.values()].map((o) => [o.id, o.name]));
  const places = await placesByIds(
    deps.db,
    reports.flatMap((r) => [r.place_id, r.coarse_place_id]),
  );
  const ruling =
    incident.status === 'ruling_proposed'
      ? await rulingProgress(deps.db, incident, history, orgs, rules, organisationNames)
      : null;
  const appeal = await appealView(deps.db, incident, history, orgs, rules, deps.clock.now());
  // Appeal reviewers' names, like a ruling's (the presenter shows them to the team only).
  const reviewers = appeal ? await namesOfRound(deps.db, id, incident.ruling_round) : new Map<string, string>();
  return {
    incident,
    reports,
    history,
    quorum: effectiveQuorum(rules.rulingQuorum),
    ruling,
    appeal: appeal ? { ...appeal, names: reviewers, organisationNames } : null,
    evidence: new Map(files.map((f) => [f.sha256, f])),
    openings,
    incidentOpenings: incidentOpenings.get(id),
    places,
  };
}

/** The body a proposal's own approvals may not count for, when the mission's rules say so. */
function excludedBody(
  rules: RulingRules,
  history: readonly IncidentEventRow[],
  round: number,
  orgs: ReadonlyMap<string, OrgNode>,
): string | null {
  if (rules.proposerCounts) return null;
  return rulingBody(proposerOrganisation(history, round), orgs)?.id ?? null;
}

/** Names of whoever reviewed a round (approved or contested). */
async function namesOfRound(db: Kysely<DB>, id: string, round: number): Promise<Map<string, string>> {
  const all = [
    ...(await approvalsOfRound(db, id, round, 'approve')),
    ...(await approvalsOfRound(db, id, round, 'contest')),
  ];
  return new Map(all.flatMap((a) => (a.userId !== null && a.name !== null ? [[a.userId, a.name] as const] : [])));
}

/** The tally of the current round as it stands now, with the names the presenter may show or withhold. */
async function rulingProgress(
  db: Kysely<DB>,
  incident: IncidentRow,
  history: readonly IncidentEventRow[],
  orgs: ReadonlyMap<string, OrgNode>,
  rules: RulingRules,
  organisationNames: ReadonlyMap<string, string>,
): Promise<RulingProgressView> {
  const round = incident.ruling_round;
  const approvals = await approvalsOfRound(db, incident.id, round);
  const names = new Map(
    approvals.flatMap((a) => (a.userId !== null && a.name !== null ? [[a.userId, a.name] as const] : [])),
  );
  const tally = tallyApprovals(approvals, orgs, rules.rulingQuorum, {
    excludedBody: excludedBody(rules, history, round, orgs),
  });
  return { ...tally, names, organisationNames };
}

export async function incidents(
  deps: Deps,
  actor: Actor | null,
  filter: IncidentFilter,
  limit: number,
): Promise<IncidentRow[]> {
  authorize(actor, 'incident.read');
  return listIncidents(deps.db, filter, limit, seesExactLocations(actor) ? 'exact' : 'coarse');
}

/** Published rulings: the public view (no account, so no policy check beyond the status). */
export async function publishedRulings(deps: Deps): Promise<IncidentRow[]> {
  return listIncidents(deps.db, { status: ['published'] }, 500, 'coarse');
}

async function lockedOrThrow(tx: Kysely<DB>, id: string): Promise<IncidentState> {
  const row = await lockIncident(tx, id);
  if (!row) throw notFound('incident');
  if (row.merged_into) throw conflict(`this incident was merged into ${row.merged_into}; act on that one`);
  return row;
}

/** Runs a write on one incident, then tells every open map and list. */
async function onIncident(
  deps: Deps,
  actor: Actor | null,
  id: string,
  work: (tx: Kysely<DB>, record: RecordFn, now: Date) => Promise<void>,
): Promise<Written<IncidentView>> {
  const now = deps.clock.now();
  const w = await writeWithLog(deps, async (tx, record, announce) => {
    await work(tx, record, now);
    announce('incident', id);
  });
  return { value: await incidentView(deps, actor, id), logIndex: w.logIndex };
}

export async function transitionIncident(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof TransitionRequest>,
): Promise<Written<IncidentView>> {
  authorize(actor, 'incident.transition');
  return onIncident(deps, actor, id, async (tx, record, now) => {
    const current = await lockedOrThrow(tx, id);
    if (input.version !== undefined && input.version !== current.version)
      throw conflict(`the incident changed (version ${current.version}, you saw ${input.version}); reload it`);
    const check = checkTransition(current.status, input);
    if (!check.ok)
      throw check.kind === 'conflict'
        ? conflict(check.message)
        : invalid([{ path: check.path, message: check.message }]);
    if (input.responsiblePartyId && !(await findOrganisation(tx, input.responsiblePartyId))) {
      throw invalid([{ path: 'responsiblePartyId', message: 'no such organisation' }]);
    }
    const proposing = input.to === 'ruling_proposed';
    // A ruling's outcome stays with it through ruled and published; going back (withdrawn) or closing clears it.
    const keepsOutcome = input.to === 'ruled' || input.to === 'published';
    const change = proposing
      ? {
          status: input.to,
          outcome: input.outcome ?? null,
          provision_id: input.provisionId ?? null,
          responsible_org_id: input.responsiblePartyId ?? null,
          ruling_round: current.ruling_round + 1,
        }
      : keepsOutcome
        ? { status: input.to }
        : { status: input.to, outcome: null, provision_id: null, responsible_org_id: null };
    const next = await updateIncident(tx, record, current, change, 'transition', actor, now);
    await appendEvent(
      tx,
      record,
      {
        incidentId: id,
        action: 'transition',
        fromStatus: current.status,
        toStatus: input.to,
        outcome: next.outcome,
        rationale: input.rationale,
        round: next.ruling_round,
        detail: proposing ? { provisionId: next.provision_id, responsiblePartyId: next.responsible_org_id } : {},
      },
      actor,
      now,
    );
  });
}

export async function reviewRuling(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof ApprovalRequest>,
): Promise<Written<IncidentView>> {
  authorize(actor, 'incident.approve');
  if (input.decision === 'contest' && input.note === '')
    throw invalid([{ path: 'note', message: 'a contest gives its reason' }]);
  return onIncident(deps, actor, id, async (tx, record, now) => {
    // The incident row lock queues concurrent reviews of one incident (on both engines), so
    // each decision sees every approval committed before it and exactly one makes it ruled.
    const current = await lockedOrThrow(tx, id);
    const appealed = current.status === 'appealed';
    if (current.status !== 'ruling_proposed' && !appealed)
      throw conflict(
        `only a proposed or appealed ruling can be approved or contested; this incident is ${current.status}`,
      );
    const orgs = await organisationTree(tx);
    // The policy already refused accounts that are not of an impartial body (`incident.approve`
    // is `impartial`); the console has no organisation, so no body to review for.
    if (!rulingBody(actor?.organisationId ?? null, orgs)) {
      throw forbidden(
        'only monitors of an international organisation, a mission or an NGO (not under a party or a state) review rulings',
      );
    }
    const orgId = actor?.organisationId ?? null;
    const userId = actor?.userId ?? null;
    if (await hasReviewedRound(tx, id, current.ruling_round, userId, orgId))
      throw conflict('you have already reviewed this proposed ruling');
    try {
      if (appealed) {
        // An appeal: approving says the ruling stands, contesting that it is set aside; both need the appeal's quorum.
        await appendEvent(
          tx,
          record,
          {
            incidentId: id,
            action: input.decision,
            outcome: current.outcome,
            rationale: input.note,
            round: current.ruling_round,
          },
          actor,
          now,
        );
        return await decideAppealIfReached(tx, record, current, orgs, actor, now);
      }
      if (input.decision === 'contest') {
        const check = checkTransition(current.status, { to: 'investigating' });
        if (!check.ok) throw conflict('the proposal cannot go back to investigation');
        await appendEvent(
          tx,
          record,
          {
            incidentId: id,
            action: 'contest',
            fromStatus: current.status,
            toStatus: 'investigating',
            outcome: current.outcome,
            rationale: input.note,
            round: current.ruling_round,
          },
          actor,
          now,
        );
        await updateIncident(
          tx,
          record,
          current,
          { status: 'investigating', outcome: null, provision_id: null, responsible_org_id: null },
          'transition',
          actor,
          now,
        );
        return;
      }
      await appendEvent(
        tx,
        record,
        {
          incidentId: id,
          action: 'approve',
          outcome: current.outcome,
          rationale: input.note,
          round: current.ruling_round,
        },
        actor,
        now,
      );
    } catch (err) {
      // The unique index (one review per account and organisation and round) settles what the check above cannot see.
      if (isUniqueViolation(err)) throw conflict('you have already reviewed this proposed ruling');
      throw err;
    }
    // Judged now, against every approver's current account: see domain/monitoring/ruling.ts.
    const rules = await rulesOf(tx);
    const history = await historyOf(tx, id);
    const tally = tallyApprovals(await approvalsOfRound(tx, id, current.ruling_round), orgs, rules.rulingQuorum, {
      excludedBody: excludedBody(rules, history, current.ruling_round, orgs),
    });
    if (!tally.reached) return;
    const check = checkTransition(current.status, { to: 'ruled' }, 'quorum');
    if (!check.ok) throw conflict(check.kind === 'conflict' ? check.message : 'cannot rule');
    await updateIncident(tx, record, current, { status: 'ruled' }, 'transition', actor, now);
    const bodies = tally.counted.map((b) => b.organisationName);
    await appendEvent(
      tx,
      record,
      {
        incidentId: id,
        action: 'transition',
        fromStatus: current.status,
        toStatus: 'ruled',
        outcome: current.outcome,
        rationale: `approved by monitors of ${bodies.length} organisations (${bodies.join(', ')}; quorum ${tally.quorum})`,
        round: current.ruling_round,
        detail: { approvingOrganisationIds: tally.counted.map((b) => b.organisationId).sort() },
      },
      actor,
      now,
    );
  });
}

export async function assignIncident(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof AssignRequest>,
): Promise<Written<IncidentView>> {
  const assignee = input.assigneeUserId ? await findPrincipalById(deps.db, input.assigneeUserId) : null;
  if (input.assigneeUserId && (!assignee || assignee.disabled))
    throw invalid([{ path: 'assigneeUserId', message: 'no such active account' }]);
  authorize(
    actor,
    'incident.assign',
    assignee ? { organisationId: assignee.organisation_id } : actor ? { organisationId: actor.organisationId } : {},
  );
  // An incident is worked by whom the policy lets move it: never a party's or a state's monitor.
  if (assignee && !can(actorOfPrincipal(assignee, 'session'), 'incident.transition'))
    throw invalid([
      {
        path: 'assigneeUserId',
        message: 'only monitors of an impartial monitoring body and coordinators work on incidents',
      },
    ]);
  return onIncident(deps, actor, id, async (tx, record, now) => {
    const current = await lockedOrThrow(tx, id);
    // Un-assigning or taking over also acts on the current assignee: a monitor may not take an
    // incident away from another organisation's monitor.
    if (current.assignee_user_id && current.assignee_user_id !== assignee?.id) {
      const previous = await organisationOfUser(tx, current.assignee_user_id);
      if (previous !== undefined) authorize(actor, 'incident.assign', { organisationId: previous });
    }
    const next = await updateIncident(
      tx,
      record,
      current,
      { assignee_user_id: assignee?.id ?? null },
      'update',
      actor,
      now,
    );
    await appendEvent(
      tx,
      record,
      {
        incidentId: id,
        action: 'assign',
        rationale: input.note,
        round: next.ruling_round,
        detail: { assigneeUserId: next.assignee_user_id, previousAssigneeUserId: current.assignee_user_id },
      },
      actor,
      now,
    );
  });
}

async function moveReports(
  tx: Kysely<DB>,
  record: RecordFn,
  reports: readonly ReportRow[],
  to: string,
  actor: Actor | null,
  now: Date,
  op: 'merge' | 'split',
): Promise<void> {
  for (const r of reports) {
    const next = { ...r, incident_id: to, version: r.version + 1 };
    await moveReport(tx, r.id, to, next.version);
    await record({
      kind: 'report',
      id: r.id,
      version: next.version,
      op,
      at: now,
      actor,
      public: reportKind.public(next),
      restricted: reportKind.restricted(next),
    });
  }
}

export async function mergeIncidents(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof MergeRequest>,
): Promise<Written<IncidentView>> {
  authorize(actor, 'incident.merge');
  const sources = [...new Set(input.incidentIds)];
  if (sources.includes(id))
    throw invalid([{ path: 'incidentIds', message: 'an incident cannot be merged into itself' }]);
  return onIncident(deps, actor, id, async (tx, record, now) => {
    // Lock in id order so two merges over the same incidents cannot deadlock.
    const ids = [id, ...sources].sort();
    const locked = new Map<string, IncidentState>();
    for (const i of ids) {
      const row = await lockIncident(tx, i);
      if (!row)
        throw i === id
          ? notFound('incident')
          : invalid([{ path: 'incidentIds', message: `incident ${i} does not exist` }]);
      if (row.merged_into) throw conflict(`incident ${i} was already merged into ${row.merged_into}`);
      if (!OPEN_STATUSES.includes(row.status))
        throw conflict(`incident ${i} is ${row.status}: only incidents not yet proposed for ruling can be merged`);
      locked.set(i, row);
    }
    let target = locked.get(id)!;
    let moved = 0;
    let earliest = new Date(target.occurred_at);
    for (const s of sources) {
      const source = locked.get(s)!;
      const reports = await reportsOfIncident(tx, s);
      await moveReports(tx, record, reports, id, actor, now, 'merge');
      moved += reports.length;
      if (new Date(source.occurred_at) < earliest) earliest = new Date(source.occurred_at);
      const gone = await updateIncident(tx, record, source, { merged_into: id, report_count: 0 }, 'merge', actor, now);
      await appendEvent(
        tx,
        record,
        {
          incidentId: s,
          action: 'merge',
          rationale: input.rationale,
          round: gone.ruling_round,
          relatedIncidentId: id,
          detail: { into: id, reportIds: reports.map((r) => r.id) },
        },
        actor,
        now,
      );
    }
    target = await updateIncident(
      tx,
      record,
      target,
      { report_count: target.report_count + moved, occurred_at: earliest },
      'merge',
      actor,
      now,
    );
    await appendEvent(
      tx,
      record,
      {
        incidentId: id,
        action: 'merge',
        rationale: input.rationale,
        round: target.ruling_round,
        detail: { from: sources },
      },
      actor,
      now,
    );
  });
}

/** Splits reports out into a new incident; answers with the new incident. */
export async function splitIncident(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof SplitRequest>,
): Promise<Written<IncidentView>> {
  authorize(actor, 'incident.merge');
  const newId = randomUUID();
  const now = deps.clock.now();
  const w = await writeWithLog(deps, async (tx, record, announce) => {
    const current = await lockedOrThrow(tx, id);
    if (!OPEN_STATUSES.includes(current.status))
      throw conflict(`this incident is ${current.status}: only incidents not yet proposed for ruling can be split`);
    const wanted = [...new Set(input.reportIds)];
    const reports = await findReports(tx, wanted);
    const bad = wanted.findIndex((rid) => !reports.some((r) => r.id === rid && r.incident_id === id));
    if (bad >= 0) throw invalid([{ path: `reportIds.${bad}`, message: 'is not a report of this incident' }]);
    if (reports.length >= current.report_count)
      throw invalid([{ path: 'reportIds', message: 'at least one report must stay; nothing would be split' }]);
    reports.sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime());
    const first = reports[0]!;
    // The new incident is placed where its first report is, coarse values included (a report
    // keeps its coarse sector and side; the coarse point is a function of the exact one).
    const coarseSectorName = (await sectorName(tx, first.coarse_sector_id)) ?? '';
    const [coarseLon, coarseLat] = coarsePoint(first.lon, first.lat);
    const incident = {
      id: newId,
      title: `${first.sub_event_type} — ${coarseSectorName}`,
      status: 'alleged' as const,
      outcome: null,
      provision_id: null,
      responsible_org_id: null,
      event_type: first.event_type,
      sub_event_type: first.sub_event_type,
      occurred_at: new Date(first.occurred_at),
      lon: first.lon,
      lat: first.lat,
      sector_id: first.sector_id,
      side: first.side,
      coarse_lon: coarseLon,
      coarse_lat: coarseLat,
      coarse_sector_id: first.coarse_sector_id,
      coarse_side: first.coarse_side,
      report_count: reports.length,
      assignee_user_id: null,
      merged_into: null,
      ruling_round: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertIncident(tx, incident);
    await record({
      kind: 'incident',
      id: newId,
      version: 1,
      op: 'split',
      at: now,
      actor,
      public: incidentKind.public(incident),
      restricted: incidentKind.restricted(incident),
    });
    await applyGridChange(tx, null, incident);
    await appendEvent(
      tx,
      record,
      {
        incidentId: newId,
        action: 'split',
        toStatus: 'alleged',
        rationale: input.rationale,
        round: 0,
        relatedIncidentId: id,
        detail: { from: id, reportIds: wanted },
      },
      actor,
      now,
    );
    await moveReports(tx, record, reports, newId, actor, now, 'split');
    const left = await updateIncident(
      tx,
      record,
      current,
      { report_count: current.report_count - reports.length },
      'split',
      actor,
      now,
    );
    await appendEvent(
      tx,
      record,
      {
        incidentId: id,
        action: 'split',
        rationale: input.rationale,
        round: left.ruling_round,
        relatedIncidentId: newId,
        detail: { into: newId, reportIds: wanted },
      },
      actor,
      now,
    );
    announce('incident', id);
    announce('incident', newId);
  });
  return { value: await incidentView(deps, actor, newId), logIndex: w.logIndex };
}
