/**
 * @module Meetings (issue 12): date, place, convening and attending organisations, agenda,
 * minutes (adopted by consent: a `minutes` decision whose subject is the meeting), the decisions
 * taken, and action items whose status (due, late, done) is derived in Asia/Gaza days.
 */
import { z } from 'zod';
import { IsoDate, LogIndex, Text, Uuid } from '../../../contract/common.ts';
import { ACTION_STATUSES, DECISION_STATES } from './enums.ts';

export const CreateMeeting = z.strictObject({
  title: Text(300).trim().min(1),
  heldOn: IsoDate,
  place: Text(300).trim().min(1),
  conveningOrgId: Uuid,
  attendingOrgIds: z.array(Uuid).max(100).default([]),
  agenda: Text(10000).default(''),
  minutes: Text(50000).default(''),
  /** Decisions taken at the meeting. */
  decisionIds: z.array(Uuid).max(100).default([]),
  illustrative: z.boolean().default(false),
});
export type CreateMeeting = z.input<typeof CreateMeeting>;

/** Record the minutes text (and the decisions taken); a stale `version` is a 409. */
export const UpdateMinutes = z.strictObject({
  minutes: Text(50000),
  decisionIds: z.array(Uuid).max(100).optional(),
  version: z.number().int().positive().optional(),
});
export type UpdateMinutes = z.input<typeof UpdateMinutes>;

export const CreateAction = z.strictObject({
  title: Text(1000).trim().min(1),
  ownerOrgId: Uuid,
  dueOn: IsoDate,
  illustrative: z.boolean().default(false),
});
export type CreateAction = z.input<typeof CreateAction>;

export const ActionParams = z.strictObject({ id: Uuid, actionId: Uuid });

export const MeetingAction = z.object({
  id: Uuid,
  meetingId: Uuid,
  title: z.string(),
  ownerOrgId: Uuid,
  ownerOrgName: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  /** Derived: done once marked, late after its due day (Asia/Gaza), else due. */
  status: z.enum(ACTION_STATUSES),
  illustrative: z.boolean(),
  version: z.number().int(),
});
export type MeetingAction = z.infer<typeof MeetingAction>;

export const Meeting = z.object({
  id: Uuid,
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  conveningOrgId: Uuid,
  attendingOrgIds: z.array(Uuid),
  agenda: z.string(),
  minutes: z.string(),
  decisionIds: z.array(Uuid),
  /** The latest `minutes` decision on this meeting and its state; null when none was proposed. */
  minutesDecision: z.object({ id: Uuid, state: z.enum(DECISION_STATES) }).nullable(),
  actions: z.array(MeetingAction),
  illustrative: z.boolean(),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingWritten = Meeting.extend({ logIndex: LogIndex });
export const MeetingActionWritten = MeetingAction.extend({ logIndex: LogIndex });
