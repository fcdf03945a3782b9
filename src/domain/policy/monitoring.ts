/**
 * @module Grants of the monitoring actions, merged into the one policy in src/domain/policy.ts.
 * Monitors file and investigate; coordinators also assign; party observers and liaisons read
 * incidents (never the reports' sources). `incident.assign` for a monitor is `own`: they may
 * take an incident themselves (or hand it to a colleague of their organisation).
 * `incident.approve` (approve or contest a proposed ruling) is the monitors' alone: a ruling is
 * joint verification by monitoring organisations, so coordinators and admins, who run the
 * mission, neither approve nor contest (they may still withdraw a proposal by a transition).
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
] as const;
export type MonitoringAction = (typeof MONITORING_ACTIONS)[number];

const ALL = Object.fromEntries(MONITORING_ACTIONS.map((a) => [a, 'all'])) as Record<MonitoringAction, Grant>;

/** Coordinators and admins: everything but reviewing a ruling. */
const RUN_THE_MISSION = Object.fromEntries(
  MONITORING_ACTIONS.filter((a) => a !== 'incident.approve').map((a) => [a, 'all']),
) as Partial<Record<MonitoringAction, Grant>>;

export const MONITORING_GRANTS: Record<Role, Partial<Record<MonitoringAction, Grant>>> = {
  admin: RUN_THE_MISSION,
  coordinator: RUN_THE_MISSION,
  monitor: { ...ALL, 'incident.assign': 'own' },
  liaison: { 'incident.read': 'all' },
  observer: { 'incident.read': 'all' },
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

/**
 * Withdrawing a proposed ruling (a transition out of `ruling_proposed`) undoes the reviewers'
 * work: coordinators and admins may, and a monitor only when of a body that reviews rulings, so
 * a party's monitor cannot send back a ruling that goes against the party.
 */
export function mayWithdrawRuling(role: Role, ofRulingBody: boolean): boolean {
  return role !== 'monitor' || ofRulingBody;
}
