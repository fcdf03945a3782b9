/** The compliance rows of the expected policy table. */
import type { ComplianceAction } from '../../../src/domain/policy/compliance.ts';
import type { Row } from './row.ts';

export const EXPECTED_COMPLIANCE: Record<ComplianceAction, Row> = {};
