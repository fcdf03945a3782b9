/** @module Grants of the force actions, merged into the one policy in src/domain/policy.ts. */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const FORCE_ACTIONS = [] as const;
export type ForceAction = (typeof FORCE_ACTIONS)[number];

export const FORCE_GRANTS: Record<Role, Partial<Record<ForceAction, Grant>>> = {
  admin: {},
  coordinator: {},
  monitor: {},
  liaison: {},
  observer: {},
};
