/** The foundation's rows of the expected policy table. */
import type { CORE_ACTIONS } from '../../../src/domain/policy.ts';
import type { Row } from './row.ts';

type CoreAction = (typeof CORE_ACTIONS)[number];

// A = allowed on any organisation's records, O = only own organisation's, S = only the actor's own account's, - = denied.
export const EXPECTED_CORE: Record<CoreAction, Row> = {
  'mission.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'organisation.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'organisation.create': { admin: 'A', coordinator: '-', monitor: '-', liaison: '-', observer: '-' },
  'user.read': { admin: 'A', coordinator: 'A', monitor: 'O', liaison: 'O', observer: '-' },
  'user.create': { admin: 'A', coordinator: '-', monitor: '-', liaison: '-', observer: '-' },
  'user.update': { admin: 'A', coordinator: '-', monitor: '-', liaison: '-', observer: '-' },
  'token.create': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'token.read': { admin: 'A', coordinator: 'S', monitor: 'S', liaison: 'S', observer: 'S' },
  'token.revoke': { admin: 'A', coordinator: 'S', monitor: 'S', liaison: 'S', observer: 'S' },
  'contribution.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'contribution.create': { admin: 'A', coordinator: 'A', monitor: '-', liaison: 'O', observer: '-' },
  'audit.read': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'log.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
};
