/** @module Grants of the monitoring actions, merged into the one policy in src/domain/policy.ts. */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const MONITORING_ACTIONS = [] as const;
export type MonitoringAction = (typeof MONITORING_ACTIONS)[number];

export const MONITORING_GRANTS: Record<Role, Partial<Record<MonitoringAction, Grant>>> = {
  admin: {},
  coordinator: {},
  monitor: {},
  liaison: {},
  observer: {},
};
