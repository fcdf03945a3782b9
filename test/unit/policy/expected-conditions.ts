/**
 * Which conditions of the actor's standing each grant requires (policy/standing.ts), written out
 * by hand: a grant absent here requires none. `impartial`: the actor's organisation chain is an
 * impartial monitoring body; `disinterested`: it is none of the record's obligated parties;
 * `session`: signed in, not a bearer token.
 */
import type { Role } from '../../../src/contract/enums.ts';
import type { Action, Condition } from '../../../src/domain/policy.ts';

const ALL_ROLES = (c: Condition[]): Record<Role, Condition[]> => ({
  admin: c,
  coordinator: c,
  monitor: c,
  liaison: c,
  observer: c,
});

export const EXPECTED_CONDITIONS: Partial<Record<Action, Partial<Record<Role, Condition[]>>>> = {
  // A token never mints a token (defect B).
  'token.create': ALL_ROLES(['session']),
  // The workflow's decisions and the reports' sources and exact points: impartial monitors only.
  'report.read': { monitor: ['impartial'] },
  'incident.transition': { monitor: ['impartial'] },
  'incident.approve': { monitor: ['impartial'] },
  'incident.assign': { monitor: ['impartial'] },
  'incident.merge': { monitor: ['impartial'] },
  // The mission's deliberation on decisions (notes, every decision and meeting), its consent rules,
  // proposing and cancelling: the mission's impartial people only (the role alone is not enough).
  'decision.deliberate': { admin: ['impartial'], coordinator: ['impartial'], monitor: ['impartial'] },
  'decision.propose': { coordinator: ['impartial'] },
  'decision.cancel': { coordinator: ['impartial'] },
  'consent.rules': { coordinator: ['impartial'] },
  // Nobody records, scores or settles their own obligation.
  'provision.deliver': {
    admin: ['disinterested'],
    coordinator: ['disinterested'],
    monitor: ['impartial', 'disinterested'],
    liaison: ['disinterested'],
  },
  'provision.assess': { admin: ['disinterested'], coordinator: ['disinterested'] },
  'provision.resolve': { admin: ['disinterested'], coordinator: ['disinterested'] },
};
