/**
 * @module Grants of the consent actions, merged into the one policy in src/domain/policy.ts, and
 * who reads which decision.
 *
 * Answering is `own` for every role: an account answers for its own organisation only, and only
 * where that organisation is asked (checked by the service against the decision). Proposing,
 * cancelling and setting rules are the coordinators' (operational decisions; admins keep
 * accounts). The deliberation notes stay with the mission (coordinators, admins, monitors).
 * Each of these needs the `impartial` standing too, so the role is not enough: a coordinator
 * account of a party's organisation is that party's, not the mission's.
 *
 * A party's signing key is registered by the party's own accounts only (`consent.key` is `own`
 * for every role, like answering), never by the mission's admins on its behalf: a key the mission
 * could install is a key the mission could hold, and the key exists to prove answers the mission
 * (and the operator) cannot make. Whoever may answer for the organisation may register its key;
 * the party's pin in `truce verify` catches a key registered by anyone else.
 *
 * Meetings are recorded by coordinators (`meeting.manage`); an action item is marked done by its
 * owner organisation's accounts or by a coordinator (`meeting.action`). Who reads which meeting
 * is `mayReadMeeting` (domain/meetings.ts).
 */
import type { Role } from '../../../contract/enums.ts';
import type { Grant } from '../../../domain/policy/grant.ts';

export const CONSENT_ACTIONS = [
  'decision.read',
  'decision.propose',
  'decision.answer',
  'decision.cancel',
  'decision.deliberate',
  'consent.rules',
  'consent.key',
  'meeting.read',
  'meeting.manage',
  'meeting.action',
] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/**
 * What only the mission's impartial people may do: its deliberation, its rules, proposing and
 * cancelling. A role alone does not make an account the mission's: a coordinator or admin account
 * in a party's (or a state's) organisation reads and answers as that organisation does
 * (policy/standing.ts `impartial`).
 */
const MISSION: Grant = { scope: 'all', only: ['impartial'] };

export const CONSENT_GRANTS: Record<Role, Partial<Record<ConsentAction, Grant>>> = {
  admin: {
    'decision.read': 'all',
    'decision.answer': 'own',
    'decision.deliberate': MISSION,
    'consent.key': 'own',
    'meeting.read': 'all',
    'meeting.action': 'own',
  },
  coordinator: {
    'decision.read': 'all',
    'decision.propose': MISSION,
    'decision.answer': 'own',
    'decision.cancel': MISSION,
    'decision.deliberate': MISSION,
    'consent.rules': MISSION,
    'consent.key': 'own',
    'meeting.read': 'all',
    'meeting.manage': 'all',
    'meeting.action': 'all',
  },
  monitor: {
    'decision.read': 'all',
    'decision.answer': 'own',
    // The mission's deliberation is its impartial bodies' (a party's or state's monitor reads what
    // that party's observer reads: policy/standing.ts).
    'decision.deliberate': { scope: 'all', only: ['impartial'] },
    'consent.key': 'own',
    'meeting.read': 'all',
    'meeting.action': 'own',
  },
  liaison: {
    'decision.read': 'all',
    'decision.answer': 'own',
    'consent.key': 'own',
    'meeting.read': 'all',
    'meeting.action': 'own',
  },
  observer: {
    'decision.read': 'all',
    'decision.answer': 'own',
    'consent.key': 'own',
    'meeting.read': 'all',
    'meeting.action': 'own',
  },
};

export interface DecisionReader {
  organisationId: string;
  /** The mission's own people (whoever may deliberate, `decision.deliberate`): they read every decision. */
  mission: boolean;
}

/**
 * Whether `reader` reads a decision: the mission reads all; anyone else the decisions that ask
 * its organisation, that it proposed, or whose subjects belong to it (a contributor's own
 * contribution or deployment). null is the operator at the console.
 */
export function mayReadDecision(
  reader: DecisionReader | null,
  d: { requiredOrgIds: readonly string[]; proposerOrgId: string | null; subjectOwnerOrgIds: readonly string[] },
): boolean {
  if (reader === null || reader.mission) return true;
  const org = reader.organisationId;
  return d.requiredOrgIds.includes(org) || d.proposerOrgId === org || d.subjectOwnerOrgIds.includes(org);
}
