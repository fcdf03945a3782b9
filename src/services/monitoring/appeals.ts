/**
 * @module After a ruling (issue 13): the party it names responsible replies (an event every
 * party reads) or appeals with new evidence within the mission's period, which reopens the
 * incident into review (`appealed`, a new round). The appeal is decided by its own quorum of
 * monitoring bodies, at least one of which did not approve the ruling: approvals say the ruling
 * stands (back to `ruled`), contests that it is set aside (back to `investigating`). Whichever
 * side reaches the quorum first decides.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { AppealRequest, ReplyRequest } from '../../contract/monitoring/rulings.ts';
import { NO_ORGANISATION } from '../../contract/compliance/enums.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { checkAppeal, lastRuling } from '../../domain/monitoring/appeal.ts';
import { tallyApprovals, type OrgNode, type RulingTally } from '../../domain/monitoring/ruling.ts';
import { appealDeadline, type RulingRules } from '../../domain/monitoring/rules.ts';
import { checkTransition, RULED_STATUSES } from '../../domain/monitoring/workflow.ts';
import { approvalsOfRound, historyOf, type IncidentEventRow } from '../../repositories/monitoring/incidents.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound } from '../errors.ts';
import { writeWithLog, type RecordFn, type Written } from '../write.ts';
import { appendEvent, updateIncident, type IncidentState } from './incident-writes.ts';
import { lockIncident } from '../../repositories/monitoring/incidents.ts';
import { rulesOf } from './rules.ts';

/** The party a ruling names, as a policy target (none named: a target nobody owns). */
const responsible = (i: IncidentState) => ({ organisationId: i.responsible_org_id ?? NO_ORGANISATION });

async function onRuled(
  deps: Deps,
  id: string,
  work: (tx: Kysely<DB>, record: RecordFn, current: IncidentState, now: Date) => Promise<void>,
): Promise<Written<null>> {
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record, announce) => {
    const current = await lockIncident(tx, id);
    if (!current) throw notFound('incident');
    if (current.merged_into) throw conflict(`this incident was merged into ${current.merged_into}`);
    await work(tx, record, current, now);
    announce('incident', id);
    return null;
  });
}

export function replyToRuling(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof ReplyRequest>,
): Promise<Written<null>> {
  return onRuled(deps, id, async (tx, record, current, now) => {
    authorize(actor, 'incident.reply', responsible(current));
    if (!RULED_STATUSES.includes(current.status))
      throw conflict(`only a ruling can be replied to; this incident is ${current.status}`);
    await appendEvent(
      tx,
      record,
      { incidentId: id, action: 'reply', rationale: input.text, round: current.ruling_round },
      actor,
      now,
    );
  });
}

export function appealRuling(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof AppealRequest>,
): Promise<Written<null>> {
  return onRuled(deps, id, async (tx, record, current, now) => {
    authorize(actor, 'incident.appeal', responsible(current));
    const rules = await rulesOf(tx);
    const check = checkAppeal(current.status, await historyOf(tx, id), rules.appealDays, now);
    if (!check.ok) throw conflict(check.message);
    // A new round: the appeal's reviews are counted apart from the ruling's.
    const next = await updateIncident(
      tx,
      record,
      current,
      { status: 'appealed', ruling_round: current.ruling_round + 1 },
      'transition',
      actor,
      now,
    );
    await appendEvent(
      tx,
      record,
      {
        incidentId: id,
        action: 'appeal',
        fromStatus: current.status,
        toStatus: 'appealed',
        outcome: current.outcome,
        rationale: input.grounds,
        round: next.ruling_round,
        detail: { newEvidence: input.newEvidence, appealedRound: current.ruling_round },
      },
      actor,
      now,
    );
  });
}

/** The two tallies of an appeal's round: that the ruling stands, that it is set aside. */
export async function appealTallies(
  db: Kysely<DB>,
  incident: IncidentState,
  history: readonly IncidentEventRow[],
  orgs: ReadonlyMap<string, OrgNode>,
  rules: RulingRules,
): Promise<{ stands: RulingTally; setAside: RulingTally; original: string[] }> {
  const original = lastRuling(history)?.approvingOrganisationIds ?? [];
  const round = incident.ruling_round;
  const [approvals, contests] = await Promise.all([
    approvalsOfRound(db, incident.id, round, 'approve'),
    approvalsOfRound(db, incident.id, round, 'contest'),
  ]);
  const tallyRules = { needsOtherThan: original };
  return {
    stands: tallyApprovals(approvals, orgs, rules.appealQuorum, tallyRules),
    setAside: tallyApprovals(contests, orgs, rules.appealQuorum, tallyRules),
    original,
  };
}

/**
 * After a review of an appealed incident was recorded (inside the same transaction): when
 * either side now has its quorum, the appeal is decided.
 */
export async function decideAppealIfReached(
  tx: Kysely<DB>,
  record: RecordFn,
  current: IncidentState,
  orgs: ReadonlyMap<string, OrgNode>,
  actor: Actor | null,
  now: Date,
): Promise<void> {
  const rules = await rulesOf(tx);
  const history = await historyOf(tx, current.id);
  const { stands, setAside } = await appealTallies(tx, current, history, orgs, rules);
  const decided = stands.reached ? stands : setAside.reached ? setAside : null;
  if (!decided) return;
  // A ruling that stands returns to the status the appeal found it in: a published one stays published.
  const appealedFrom = [...history].reverse().find((e) => e.action === 'appeal')?.from_status;
  const standsAs: IncidentState['status'] = appealedFrom === 'published' ? 'published' : 'ruled';
  const to: IncidentState['status'] = decided === stands ? standsAs : 'investigating';
  const check = checkTransition(current.status, { to }, 'quorum');
  if (!check.ok) throw conflict(check.kind === 'conflict' ? check.message : 'cannot decide the appeal');
  const change: Partial<IncidentState> =
    to === standsAs ? { status: to } : { status: to, outcome: null, provision_id: null, responsible_org_id: null };
  await updateIncident(tx, record, current, change, 'transition', actor, now);
  const bodies = decided.counted.map((b) => b.organisationName);
  await appendEvent(
    tx,
    record,
    {
      incidentId: current.id,
      action: 'transition',
      fromStatus: current.status,
      toStatus: to,
      outcome: to === standsAs ? current.outcome : null,
      rationale: `appeal ${to === standsAs ? 'dismissed: the ruling stands' : 'upheld: the ruling is set aside'} by monitors of ${bodies.length} organisations (${bodies.join(', ')}; quorum ${decided.quorum})`,
      round: current.ruling_round,
      detail: {
        appealDecision: to === standsAs ? 'stands' : 'set_aside',
        decidingOrganisationIds: decided.counted.map((b) => b.organisationId).sort(),
      },
    },
    actor,
    now,
  );
}

/** Where the appeal stands, for the incident's view. */
export async function appealView(
  db: Kysely<DB>,
  incident: IncidentState,
  history: readonly IncidentEventRow[],
  orgs: ReadonlyMap<string, OrgNode>,
  rules: RulingRules,
  now: Date,
): Promise<{
  deadline: Date | null;
  open: boolean;
  original: string[];
  stands: RulingTally | null;
  setAside: RulingTally | null;
} | null> {
  const ruling = lastRuling(history);
  if (!ruling || !RULED_STATUSES.includes(incident.status)) return null;
  const open = checkAppeal(incident.status, history, rules.appealDays, now).ok;
  const deadline = appealDeadline(ruling.at, rules.appealDays);
  if (incident.status !== 'appealed')
    return { deadline, open, original: ruling.approvingOrganisationIds, stands: null, setAside: null };
  const t = await appealTallies(db, incident, history, orgs, rules);
  return { deadline, open, original: t.original, stands: t.stands, setAside: t.setAside };
}
