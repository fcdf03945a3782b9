/** @module Grants of the force actions, merged into the one policy in src/domain/policy.ts. */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const FORCE_ACTIONS = [
  'contribution.transition',
  'contribution.certify',
  'force.read',
  'requirement.write',
  'handover.read',
  'milestone.write',
  'deployment.write',
] as const;
export type ForceAction = (typeof FORCE_ACTIONS)[number];

// The plan and the gap are shared with every role, parties included: a handover works only if
// the side that withdraws sees who is to take over, and when.
const READ: Partial<Record<ForceAction, Grant>> = { 'force.read': 'all', 'handover.read': 'all' };
const PLAN: Partial<Record<ForceAction, Grant>> = {
  'contribution.transition': 'all', 'contribution.certify': 'all', 'requirement.write': 'all', 'milestone.write': 'all', 'deployment.write': 'all',
};

export const FORCE_GRANTS: Record<Role, Partial<Record<ForceAction, Grant>>> = {
  admin: { ...READ, ...PLAN },
  coordinator: { ...READ, ...PLAN },
  monitor: { ...READ },
  // A contributor's liaison moves its own organisation's contributions (e.g. a pledge withdrawn).
  liaison: { ...READ, 'contribution.transition': 'own' },
  observer: { ...READ },
};
