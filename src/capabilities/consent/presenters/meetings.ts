/** @module Meeting rows to API shapes: each action item's status derived now (domain/meetings.ts). */
import type { Meeting, MeetingAction } from '../contract/meetings.ts';
import { actionStatus } from '../domain/meetings.ts';
import { iso } from '../log/fields.ts';
import type { MeetingActionRow } from '../repositories/meetings.ts';
import type { MeetingView } from '../services/meetings.ts';

export function presentAction(a: MeetingActionRow, orgNames: ReadonlyMap<string, string>, now: Date): MeetingAction {
  const doneAt = a.done_at === null ? null : iso(a.done_at);
  return {
    id: a.id,
    meetingId: a.meeting_id,
    title: a.title,
    ownerOrgId: a.owner_org_id,
    ownerOrgName: orgNames.get(a.owner_org_id) ?? '',
    dueOn: a.due_on,
    doneAt,
    status: actionStatus({ dueOn: a.due_on, doneAt }, now),
    illustrative: a.illustrative,
    version: a.version,
  };
}

export function presentMeeting(v: MeetingView, orgNames: ReadonlyMap<string, string>, now: Date): Meeting {
  const m = v.row;
  return {
    id: m.id,
    title: m.title,
    heldOn: m.held_on,
    place: m.place,
    conveningOrgId: m.convening_org_id,
    attendingOrgIds: m.attending_org_ids,
    agenda: m.agenda,
    minutes: m.minutes,
    decisionIds: m.decision_ids,
    minutesDecision: v.minutesDecision,
    actions: v.actions.map((a) => presentAction(a, orgNames, now)),
    illustrative: m.illustrative,
    version: m.version,
  };
}
