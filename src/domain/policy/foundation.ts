/**
 * @module Grants of the foundation (mission, organisations, accounts, tokens, contributions, the
 * record), merged with every capability's into the one policy in src/domain/policy.ts.
 */
import type { Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';

export const FOUNDATION_ACTIONS = [
  'mission.read',
  'organisation.read',
  'organisation.create',
  'user.read',
  'user.create',
  'user.update',
  'token.create',
  'token.read',
  'token.revoke',
  'contribution.read',
  'contribution.create',
  'audit.read',
  'log.read',
] as const;

export type FoundationAction = (typeof FOUNDATION_ACTIONS)[number];

/**
 * A token is created only from a signed-in session: a bearer token (perhaps a short-lived one
 * handed to a script) must not mint another, longer-lived one. Listing and revoking one's own
 * tokens stay open to a token (a script may revoke itself).
 */
const FROM_A_SESSION: Grant = { scope: 'all', only: ['session'] };

const READ_EVERYTHING: Partial<Record<FoundationAction, Grant>> = {
  'mission.read': 'all',
  'organisation.read': 'all',
  'contribution.read': 'all',
  'token.create': FROM_A_SESSION,
  'token.read': 'self',
  'token.revoke': 'self',
  'log.read': 'all',
};

export const FOUNDATION_GRANTS: Record<Role, Partial<Record<FoundationAction, Grant>>> = {
  // The admin holds every foundation action (tokens, like everyone's, only from a session).
  admin: Object.fromEntries(FOUNDATION_ACTIONS.map((a) => [a, a === 'token.create' ? FROM_A_SESSION : 'all'])),
  coordinator: { ...READ_EVERYTHING, 'user.read': 'all', 'contribution.create': 'all', 'audit.read': 'all' },
  monitor: { ...READ_EVERYTHING, 'user.read': 'own' },
  liaison: { ...READ_EVERYTHING, 'user.read': 'own', 'contribution.create': 'own' },
  observer: { ...READ_EVERYTHING },
};
