/**
 * @module Grants of the compliance actions, merged into the one policy in src/domain/policy.ts.
 * `provision.deliver` and `provision.names` are checked against the provision's humanitarian
 * intermediary (a per-provision organisation, e.g. the ICRC for releases): a liaison of that
 * organisation records deliveries and handles names; other liaisons, monitors and the parties'
 * observers see counts only. `provision.dispute` is checked against the disputing party.
 */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const COMPLIANCE_ACTIONS = [
  'provision.read',
  'provision.create',
  'provision.deliver',
  'provision.names',
  'provision.assess',
  'provision.dispute',
  'provision.resolve',
] as const;
export type ComplianceAction = (typeof COMPLIANCE_ACTIONS)[number];

export const COMPLIANCE_GRANTS: Record<Role, Partial<Record<ComplianceAction, Grant>>> = {
  admin: {
    'provision.read': 'all',
    'provision.create': 'all',
    'provision.deliver': 'all',
    'provision.names': 'all',
    'provision.assess': 'all',
    'provision.dispute': 'all',
    'provision.resolve': 'all',
  },
  coordinator: {
    'provision.read': 'all',
    'provision.create': 'all',
    'provision.deliver': 'all',
    'provision.names': 'all',
    'provision.assess': 'all',
    'provision.dispute': 'all',
    'provision.resolve': 'all',
  },
  monitor: { 'provision.read': 'all', 'provision.deliver': 'all' },
  liaison: {
    'provision.read': 'all',
    'provision.deliver': 'own',
    'provision.names': 'own',
    'provision.dispute': 'own',
  },
  observer: { 'provision.read': 'all', 'provision.dispute': 'own' },
};
