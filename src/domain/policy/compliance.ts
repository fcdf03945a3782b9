/** @module Grants of the compliance actions, merged into the one policy in src/domain/policy.ts. */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const COMPLIANCE_ACTIONS = [] as const;
export type ComplianceAction = (typeof COMPLIANCE_ACTIONS)[number];

export const COMPLIANCE_GRANTS: Record<Role, Partial<Record<ComplianceAction, Grant>>> = {
  admin: {},
  coordinator: {},
  monitor: {},
  liaison: {},
  observer: {},
};
