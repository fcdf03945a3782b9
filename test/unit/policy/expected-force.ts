/** The force rows of the expected policy table. */
import type { ForceAction } from '../../../src/domain/policy/force.ts';
import type { Row } from './row.ts';

export const EXPECTED_FORCE: Record<ForceAction, Row> = {};
