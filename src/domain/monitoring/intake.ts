/**
 * @module Rules a report must meet beyond its shape: a plausible time (not in the future past
 * a small clock skew, not before the period the mission records), and a sub-event type that
 * belongs to its event type.
 */
import { isSubEventOf } from './acled.ts';

/** Phones and field laptops drift; a report a few minutes "ahead" is still accepted. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Nothing this mission records happened before 2023. */
export const EARLIEST_EVENT = new Date('2023-01-01T00:00:00Z');

export interface IntakeProblem {
  path: string;
  message: string;
}

export function checkReportRules(
  input: { occurredAt: Date; eventType: string; subEventType: string },
  now: Date,
): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  if (input.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ path: 'occurredAt', message: 'is in the future' });
  }
  if (input.occurredAt.getTime() < EARLIEST_EVENT.getTime()) {
    problems.push({ path: 'occurredAt', message: 'is before 2023' });
  }
  if (!isSubEventOf(input.eventType, input.subEventType)) {
    problems.push({ path: 'subEventType', message: `is not an ACLED sub-event type of ${input.eventType}` });
  }
  return problems;
}
