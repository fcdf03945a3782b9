/**
 * @module Grants of the compliance actions, merged into the one policy in src/domain/policy.ts.
 * `provision.deliver` and `provision.names` are checked against the provision's humanitarian
 * intermediary (a per-provision organisation, e.g. the ICRC for releases): a liaison of that
 * organisation records deliveries and handles names; other liaisons, monitors and the parties'
 * observers see counts only. `provision.dispute` is checked against the disputing party.
 *
 * Nobody judges their own obligation: recording a delivery, scoring a provision and resolving a
 * dispute of it require the actor to be `disinterested` (policy/standing.ts): neither its
 * organisation nor any organisation above it is one of the provision's obligated parties
 * (`Target.partyIds`), whatever its role. A delivery turns a count-measured provision fulfilled,
 * so a party recording its own would grade itself. A monitor records deliveries only when it is
 * also of an impartial body (a party's or a state's monitor files reports, nothing more).
 */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

/** Any target the actor's organisations are not obligated by. */
const DISINTERESTED: Grant = { scope: 'all', only: ['disinterested'] };

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
    'provision.deliver': DISINTERESTED,
    'provision.names': 'all',
    'provision.assess': DISINTERESTED,
    'provision.dispute': 'all',
    'provision.resolve': DISINTERESTED,
  },
  coordinator: {
    'provision.read': 'all',
    'provision.create': 'all',
    'provision.deliver': DISINTERESTED,
    'provision.names': 'all',
    'provision.assess': DISINTERESTED,
    'provision.dispute': 'all',
    'provision.resolve': DISINTERESTED,
  },
  monitor: { 'provision.read': 'all', 'provision.deliver': { scope: 'all', only: ['impartial', 'disinterested'] } },
  liaison: {
    'provision.read': 'all',
    'provision.deliver': { scope: 'own', only: ['disinterested'] },
    'provision.names': 'own',
    'provision.dispute': 'own',
  },
  observer: { 'provision.read': 'all', 'provision.dispute': 'own' },
};
