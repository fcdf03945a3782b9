/** Monitoring: monitors file, investigate and review rulings, coordinators assign, liaisons and observers read incidents only. */
import type { MonitoringAction } from '../../../src/domain/policy/monitoring.ts';
import type { Row } from './row.ts';

export const EXPECTED_MONITORING: Record<MonitoringAction, Row> = {
  'report.create': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: '-', observer: '-' },
  'report.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: '-', observer: '-' },
  'incident.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'incident.transition': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: '-', observer: '-' },
  // Only monitors review rulings (joint verification by monitoring organisations, issue 10).
  'incident.approve': { admin: '-', coordinator: '-', monitor: 'A', liaison: '-', observer: '-' },
  'incident.assign': { admin: 'A', coordinator: 'A', monitor: 'O', liaison: '-', observer: '-' },
  'incident.merge': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: '-', observer: '-' },
  // Only the party a ruling names answers it (its own organisation), never the mission for it.
  'incident.reply': { admin: '-', coordinator: '-', monitor: 'O', liaison: 'O', observer: 'O' },
  'incident.appeal': { admin: '-', coordinator: '-', monitor: 'O', liaison: 'O', observer: 'O' },
  'monitoring.configure': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  // The gazetteer (issue 13): everyone searches it, coordinators and admins keep it.
  'place.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'place.write': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
};
