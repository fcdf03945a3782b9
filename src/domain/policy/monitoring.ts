/**
 * @module Grants of the monitoring actions, merged into the one policy in src/domain/policy.ts.
 * Monitors file and investigate; coordinators also assign; party observers and liaisons read
 * incidents (never the reports' sources). `incident.assign` for a monitor is `own`: they may
 * take an incident themselves (or hand it to a colleague of their organisation).
 * `incident.approve` (approve or contest a proposed ruling) is the monitors' alone: a ruling is
 * joint verification by monitoring organisations, so coordinators and admins, who run the
 * mission, neither approve nor contest (they may still withdraw a proposal by a transition).
 *
 * The workflow's decisions (every transition, closing included; assignment; merge and split;
 * reviewing a ruling) and reading reports (their sources and exact points) belong to monitors of
 * impartial bodies only: the `impartial` condition (policy/standing.ts) is the test the ruling
 * quorum uses, `reviewsRulings` below. A monitor of a party, of a state or of a mission under
 * either files reports and reads incidents as a party's observer does, nothing more: otherwise
 * it could close an incident against its side before any ruling is proposed, or after an honest
 * monitor contested one.
 */
import type { OrgKind, Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const MONITORING_ACTIONS = [
  'report.create',
  'report.read',
  'incident.read',
  'incident.transition',
  'incident.approve',
  'incident.assign',
  'incident.merge',
  // The party a ruling names responsible answers it (issue 13): `own`, asked about that party.
  'incident.reply',
  'incident.appeal',
  // Who must decide what (quorums, the appeal period): the mission's coordinators set it.
  'monitoring.configure',
  // The gazetteer (issue 13): every account searches it, coordinators and admins keep it.
  'place.read',
  'place.write',
] as const;
export type MonitoringAction = (typeof MONITORING_ACTIONS)[number];

/** Granted to a monitor only while its organisation chain is an impartial monitoring body. */
const IMPARTIAL: Grant = { scope: 'all', only: ['impartial'] };

/** What only a party does: answering a ruling that names it. */
const PARTY_ACTIONS: readonly MonitoringAction[] = ['incident.reply', 'incident.appeal'];

/** Coordinators and admins: everything but reviewing a ruling and answering one as a party. */
const RUN_THE_MISSION = Object.fromEntries(
  MONITORING_ACTIONS.filter((a) => a !== 'incident.approve' && !PARTY_ACTIONS.includes(a)).map((a) => [a, 'all']),
) as Partial<Record<MonitoringAction, Grant>>;

export const MONITORING_GRANTS: Record<Role, Partial<Record<MonitoringAction, Grant>>> = {
  admin: RUN_THE_MISSION,
  coordinator: RUN_THE_MISSION,
  monitor: {
    'report.create': 'all',
    'report.read': IMPARTIAL,
    'incident.read': 'all',
    'incident.transition': IMPARTIAL,
    'incident.approve': IMPARTIAL,
    'incident.assign': { scope: 'own', only: ['impartial'] },
    'incident.merge': IMPARTIAL,
    'incident.reply': 'own',
    'incident.appeal': 'own',
    'place.read': 'all',
  },
  liaison: { 'incident.read': 'all', 'incident.reply': 'own', 'incident.appeal': 'own', 'place.read': 'all' },
  observer: { 'incident.read': 'all', 'incident.reply': 'own', 'incident.appeal': 'own', 'place.read': 'all' },
};

/**
 * The kinds of organisation whose monitors review rulings (and whose approvals count for the
 * quorum). Parties never rule on their own conflict; states (guarantors, mediators, troop
 * contributors) have a national stake, so a state's monitors, or a mission under a state, do
 * not count either. The whole chain up to the top organisation must be of these kinds.
 */
export const RULING_ORG_KINDS: readonly OrgKind[] = ['international_organisation', 'mission', 'ngo'];

/** Whether monitors of an organisation whose chain (itself, its parent, ... its top) has these kinds review rulings. */
export function reviewsRulings(chainKinds: readonly OrgKind[]): boolean {
  return chainKinds.length > 0 && chainKinds.every((k) => RULING_ORG_KINDS.includes(k));
}
