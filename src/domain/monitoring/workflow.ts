/**
 * @module The incident workflow as data: one table of allowed transitions, checked by one
 * function. Anything not in the table is refused (a 409 that changes nothing). A proposed
 * ruling becomes `ruled` only through joint approval (a quorum of distinct monitoring bodies,
 * counted by ./ruling.ts), never by a plain transition request, so the table marks that edge as `quorum`.
 */
import type { IncidentStatus, Outcome } from '../../contract/monitoring/enums.ts';

export { INCIDENT_STATUSES, OUTCOMES, type IncidentStatus, type Outcome } from '../../contract/monitoring/enums.ts';

/**
 * `request`: any monitor may ask for it. `quorum`: only approvals of enough organisations make it.
 * `appeal`: only the party a ruling names responsible, within the mission's appeal period.
 */
export type TransitionMode = 'request' | 'quorum' | 'appeal';

export const TRANSITIONS: Readonly<Record<IncidentStatus, Partial<Record<IncidentStatus, TransitionMode>>>> = {
  alleged: { preliminary: 'request', closed: 'request' },
  preliminary: { investigating: 'request', closed: 'request' },
  investigating: { ruling_proposed: 'request', closed: 'request' },
  // Back to investigating: the proposer withdraws, or a monitor contests the proposal.
  ruling_proposed: { ruled: 'quorum', investigating: 'request' },
  ruled: { published: 'request', appealed: 'appeal' },
  published: { appealed: 'appeal' },
  // An appeal is decided by its own quorum: the ruling stands (back to ruled, to be published
  // again) or is set aside (back to investigating). A plain request moves it nowhere.
  // A ruling that stands goes back to where the appeal found it (an appeal never unpublishes).
  appealed: { ruled: 'quorum', published: 'quorum', investigating: 'quorum' },
  // A closed incident (e.g. access denied) can be reopened when access is granted.
  closed: { investigating: 'request' },
};

export interface TransitionInput {
  to: IncidentStatus;
  outcome?: Outcome | undefined;
  provisionId?: string | undefined;
  responsiblePartyId?: string | undefined;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; kind: 'conflict'; message: string }
  | { ok: false; kind: 'invalid'; path: string; message: string };

/**
 * Whether a transition may be requested from `from`. Pure: the one place the workflow is
 * decided (the service also calls it for the quorum edge, with `mode = 'quorum'`).
 */
export function checkTransition(
  from: IncidentStatus,
  input: TransitionInput,
  mode: TransitionMode = 'request',
): TransitionCheck {
  const allowed = TRANSITIONS[from][input.to];
  if (allowed === undefined)
    return { ok: false, kind: 'conflict', message: `an incident cannot go from ${from} to ${input.to}` };
  if (allowed !== mode) {
    return {
      ok: false,
      kind: 'conflict',
      message:
        allowed === 'appeal'
          ? `${input.to} is reached only by the responsible party's appeal (POST /api/incidents/{id}/appeal)`
          : `${input.to} is reached only by approvals of monitors of enough organisations (POST /api/incidents/{id}/approvals)`,
    };
  }
  if (input.to === 'ruling_proposed') {
    if (input.outcome === undefined)
      return { ok: false, kind: 'invalid', path: 'outcome', message: 'a proposed ruling needs its outcome' };
    if (input.outcome === 'violation') {
      if (!input.provisionId)
        return {
          ok: false,
          kind: 'invalid',
          path: 'provisionId',
          message: 'a violation cites the agreement provision it breaches',
        };
      if (!input.responsiblePartyId)
        return {
          ok: false,
          kind: 'invalid',
          path: 'responsiblePartyId',
          message: 'a violation names the responsible party',
        };
    }
  } else if (input.outcome !== undefined || input.provisionId !== undefined || input.responsiblePartyId !== undefined) {
    const path =
      input.outcome !== undefined ? 'outcome' : input.provisionId !== undefined ? 'provisionId' : 'responsiblePartyId';
    return { ok: false, kind: 'invalid', path, message: 'only a proposed ruling carries an outcome' };
  }
  return { ok: true };
}

/** Every (from, to) pair in the table, for exhaustive tests and the UI's buttons. */
export function allowedTargets(from: IncidentStatus, mode: TransitionMode = 'request'): IncidentStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [IncidentStatus, TransitionMode][])
    .filter(([, m]) => m === mode)
    .map(([to]) => to);
}

/** Statuses where a ruling stands (or is being appealed): the responsible party may reply. */
export const RULED_STATUSES: readonly IncidentStatus[] = ['ruled', 'published', 'appealed'];

/** Statuses where nobody works the incident any more (taking it, merging or splitting it no longer apply). */
export const SETTLED_STATUSES: readonly IncidentStatus[] = ['ruled', 'published', 'appealed', 'closed'];

/** Statuses where new reports may still join the incident (nothing ruled or closed yet). */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['alleged', 'preliminary', 'investigating'];
