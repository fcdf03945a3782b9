/** @module Grants on sectors and control lines, merged into the one policy in src/domain/policy.ts. */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const GEO_ACTIONS = ['sector.read', 'sector.write', 'controlLine.read', 'controlLine.write'] as const;
export type GeoAction = (typeof GEO_ACTIONS)[number];

const READ: Partial<Record<GeoAction, Grant>> = { 'sector.read': 'all', 'controlLine.read': 'all' };

export const GEO_GRANTS: Record<Role, Partial<Record<GeoAction, Grant>>> = {
  admin: { ...READ, 'sector.write': 'all', 'controlLine.write': 'all' },
  coordinator: { ...READ, 'sector.write': 'all', 'controlLine.write': 'all' },
  monitor: READ,
  liaison: READ,
  observer: READ,
};
