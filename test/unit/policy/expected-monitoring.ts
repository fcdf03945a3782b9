/** The monitoring rows of the expected policy table. */
import type { MonitoringAction } from '../../../src/domain/policy/monitoring.ts';
import type { Row } from './row.ts';

export const EXPECTED_MONITORING: Record<MonitoringAction, Row> = {};
