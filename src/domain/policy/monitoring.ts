/**
 * @module Grants of the monitoring actions, merged into the one policy in src/domain/policy.ts.
 * Monitors file and investigate; coordinators also assign; party observers and liaisons read
 * incidents (never the reports' sources). `incident.assign` for a monitor is `own`: they may
 * take an incident themselves (or hand it to a colleague of their organisation).
 */
import type { Role } from '../../contract/enums.ts';
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

export const MONITORING_GRANTS: Record<Role, Partial<Record<MonitoringAction, Grant>>> = {
  admin: ALL,
  coordinator: ALL,
  monitor: { ...ALL, 'incident.assign': 'own' },
  liaison: { 'incident.read': 'all' },
  observer: { 'incident.read': 'all' },
};
