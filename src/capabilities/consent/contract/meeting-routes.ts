/** @module The routes of meetings (issue 12), merged into the consent routes. */
import { route } from '../../../contract/route.ts';
import { IdParams, listOf } from '../../../contract/common.ts';
import {
  ActionParams,
  CreateAction,
  CreateMeeting,
  Meeting,
  MeetingActionWritten,
  MeetingWritten,
  UpdateMinutes,
} from './meetings.ts';

export const meetingRoutes = {
  listMeetings: route({
    method: 'get',
    path: '/api/meetings',
    tag: 'consent',
    auth: 'account',
    status: 200,
    summary:
      'Meetings visible to the caller (the mission: all; others: those their organisation convened, attended or owns an action item of), with action items (due, late, done) and the state of the minutes',
    response: listOf(Meeting),
  }),
  getMeeting: route({
    method: 'get',
    path: '/api/meetings/{id}',
    tag: 'consent',
    auth: 'account',
    status: 200,
    summary: 'One meeting with its action items and the state of its minutes',
    params: IdParams,
    response: Meeting,
  }),
  createMeeting: route({
    method: 'post',
    path: '/api/meetings',
    tag: 'consent',
    auth: 'account',
    status: 201,
    summary:
      "Record a meeting (coordinators): date, place, convening and attending organisations, agenda, minutes, decisions taken; logged. Its minutes are adopted by a 'minutes' decision whose subject is the meeting",
    body: CreateMeeting,
    response: MeetingWritten,
  }),
  recordMinutes: route({
    method: 'put',
    path: '/api/meetings/{id}/minutes',
    tag: 'consent',
    auth: 'account',
    status: 200,
    summary: "Record a meeting's minutes and the decisions taken (coordinators); logged",
    params: IdParams,
    body: UpdateMinutes,
    response: MeetingWritten,
  }),
  addMeetingAction: route({
    method: 'post',
    path: '/api/meetings/{id}/actions',
    tag: 'consent',
    auth: 'account',
    status: 201,
    summary: 'Add an action item with its owner organisation and due day (coordinators); logged',
    params: IdParams,
    body: CreateAction,
    response: MeetingActionWritten,
  }),
  markMeetingActionDone: route({
    method: 'post',
    path: '/api/meetings/{id}/actions/{actionId}/done',
    tag: 'consent',
    auth: 'account',
    status: 200,
    summary: "Mark an action item done (its owner organisation's accounts, or a coordinator); logged",
    params: ActionParams,
    response: MeetingActionWritten,
  }),
} as const;
