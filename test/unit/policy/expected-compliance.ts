/** The compliance rows of the expected policy table. */
import type { ComplianceAction } from '../../../src/domain/policy/compliance.ts';
import type { Row } from './row.ts';

// A = any organisation's records, O = own organisation's only (deliver/names: the provision's
// intermediary; dispute: the disputing party), - = denied.
export const EXPECTED_COMPLIANCE: Record<ComplianceAction, Row> = {
  'provision.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'provision.create': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'provision.deliver': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'O', observer: '-' },
  'provision.names': { admin: 'A', coordinator: 'A', monitor: '-', liaison: 'O', observer: '-' },
  'provision.assess': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'provision.dispute': { admin: 'A', coordinator: 'A', monitor: '-', liaison: 'O', observer: 'O' },
  'provision.resolve': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
};
