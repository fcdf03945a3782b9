/** The consent rows of the expected policy table (issue 12). */
import type { ConsentAction } from '../../../src/capabilities/consent/domain/policy.ts';
import type { Row } from './row.ts';

// A = any organisation, O = own organisation only (answering: for one's own organisation), - = denied.
export const EXPECTED_CONSENT: Record<ConsentAction, Row> = {
  'decision.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'decision.propose': { admin: '-', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'decision.answer': { admin: 'O', coordinator: 'O', monitor: 'O', liaison: 'O', observer: 'O' },
  'decision.cancel': { admin: '-', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'decision.deliberate': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: '-', observer: '-' },
  'consent.rules': { admin: '-', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  // A party's signing key: its own accounts only; the mission's admins never register one for it.
  'consent.key': { admin: 'O', coordinator: 'O', monitor: 'O', liaison: 'O', observer: 'O' },
  'meeting.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'meeting.manage': { admin: '-', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  // Marking an action item done: its owner organisation, or a coordinator.
  'meeting.action': { admin: 'O', coordinator: 'A', monitor: 'O', liaison: 'O', observer: 'O' },
};
