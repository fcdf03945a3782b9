/** The force rows of the expected policy table. */
import type { ForceAction } from '../../../src/domain/policy/force.ts';
import type { Row } from './row.ts';

export const EXPECTED_FORCE: Record<ForceAction, Row> = {
  'contribution.transition': { admin: 'A', coordinator: 'A', monitor: '-', liaison: 'O', observer: '-' },
  'contribution.certify': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'force.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'requirement.write': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'handover.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'milestone.write': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'deployment.write': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'force.release': { admin: '-', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
};
