/**
 * @module Meetings' pure rules: an action item's derived status (like a provision's deadline,
 * in the agreement's days, Asia/Gaza: an item due today is still due, late from the next day)
 * and who reads a meeting.
 */
import { wallTime } from '../../../domain/compliance/deadline.ts';
import type { ActionStatus } from '../contract/enums.ts';

export const AGREEMENT_ZONE = 'Asia/Gaza';

/** The calendar day (YYYY-MM-DD) of `now` in the agreement's time zone. */
export function agreementDay(now: Date): string {
  const w = wallTime(now, AGREEMENT_ZONE);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

export function actionStatus(item: { dueOn: string; doneAt: string | null }, now: Date): ActionStatus {
  if (item.doneAt !== null) return 'done';
  return agreementDay(now) > item.dueOn ? 'late' : 'due';
}

/** The mission reads every meeting; an organisation those it convened, attended or owns an item of. */
export function mayReadMeeting(
  /** `mission`: whoever may deliberate on decisions (`decision.deliberate`) reads every meeting. */
  reader: { organisationId: string; mission: boolean } | null,
  m: { conveningOrgId: string; attendingOrgIds: readonly string[]; ownerOrgIds: readonly string[] },
): boolean {
  if (reader === null || reader.mission) return true;
  const org = reader.organisationId;
  return m.conveningOrgId === org || m.attendingOrgIds.includes(org) || m.ownerOrgIds.includes(org);
}
