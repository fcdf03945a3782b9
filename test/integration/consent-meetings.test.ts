/**
 * Issue 12, meetings, through the real API on a real database: a meeting with its convening and
 * attending organisations, its minutes adopted by a `minutes` decision on the meeting, and
 * action items whose status is derived in Asia/Gaza days (due, then late after the due day,
 * done when the owner says so). Who reads a meeting, who records one and who marks an item done.
 * Built with the factories, on a clock moved by hand.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApi, type TestApi } from '../support/api.ts';
import { makeSignedIn } from '../support/factories.ts';
import { fixedClock } from '../../src/adapters/clock.ts';
import type { ApiError, ApiClient } from '../../src/contract/client.ts';

// 20:30 UTC on 9 January is 22:30 in Gaza: still the 9th there.
const clock = fixedClock(new Date('2026-01-09T20:30:00Z'));
let api: TestApi;
let coordinator: ApiClient;
let host: ApiClient;
let guest: ApiClient;
let outsider: ApiClient;
let hostId: string;
let guestId: string;
const rejects = (p: Promise<unknown>, status: number) => assert.rejects(p, (e: ApiError) => e.status === status);

before(async () => {
  api = await openTestApi({ demo: false, clock });
  coordinator = (await makeSignedIn(api.deps, api.server.url, 'coordinator')).client;
  const h = await makeSignedIn(api.deps, api.server.url, 'liaison');
  const g = await makeSignedIn(api.deps, api.server.url, 'observer');
  outsider = (await makeSignedIn(api.deps, api.server.url, 'observer')).client;
  [host, guest, hostId, guestId] = [h.client, g.client, h.user.row.organisation_id, g.user.row.organisation_id];
});
after(async () => {
  await api.close();
});

test('a meeting, its minutes adopted by consent, and action items due, late and done', async () => {
  await rejects(
    host.call('createMeeting', {
      body: { title: 'x', heldOn: '2026-01-08', place: 'Cairo', conveningOrgId: hostId },
    }),
    403,
  );
  const meeting = await coordinator.call('createMeeting', {
    body: {
      title: 'Coordination meeting',
      heldOn: '2026-01-08',
      place: 'Cairo',
      conveningOrgId: hostId,
      attendingOrgIds: [guestId],
      agenda: 'Crossings; the next withdrawal line.',
    },
  });
  assert.equal(meeting.minutesDecision, null);
  const item = await coordinator.call('addMeetingAction', {
    params: { id: meeting.id },
    body: { title: 'Send the crossing schedule', ownerOrgId: guestId, dueOn: '2026-01-09' },
  });
  const other = await coordinator.call('addMeetingAction', {
    params: { id: meeting.id },
    body: { title: 'Name liaison officers', ownerOrgId: hostId, dueOn: '2026-01-20' },
  });
  assert.equal(item.status, 'due', 'due today in Gaza');

  // Who reads it: the mission, the convener and the attendees; not another party.
  assert.equal((await guest.call('listMeetings', {})).items.length, 1);
  assert.equal((await host.call('getMeeting', { params: { id: meeting.id } })).actions.length, 2);
  assert.equal((await outsider.call('listMeetings', {})).items.length, 0);
  await rejects(outsider.call('getMeeting', { params: { id: meeting.id } }), 404);

  // Midnight in Gaza passes: the item is late.
  clock.advance(2 * 3_600_000);
  const late = (await guest.call('getMeeting', { params: { id: meeting.id } })).actions;
  assert.deepEqual(
    late.map((a) => [a.title, a.status]),
    [
      ['Send the crossing schedule', 'late'],
      ['Name liaison officers', 'due'],
    ],
  );
  // Only its owner organisation (or a coordinator) marks it done.
  await rejects(host.call('markMeetingActionDone', { params: { id: meeting.id, actionId: item.id } }), 403);
  const done = await guest.call('markMeetingActionDone', { params: { id: meeting.id, actionId: item.id } });
  assert.equal(done.status, 'done');
  await rejects(guest.call('markMeetingActionDone', { params: { id: meeting.id, actionId: item.id } }), 409);
  await coordinator.call('markMeetingActionDone', { params: { id: meeting.id, actionId: other.id } });

  // The minutes, then their adoption: a `minutes` decision whose subject is the meeting.
  const withMinutes = await coordinator.call('recordMinutes', {
    params: { id: meeting.id },
    body: { minutes: 'Agreed: the schedule is sent weekly.', version: meeting.version },
  });
  await rejects(
    coordinator.call('recordMinutes', { params: { id: meeting.id }, body: { minutes: 'x', version: meeting.version } }),
    409,
  );
  const adopt = await coordinator.call('proposeDecision', {
    body: {
      kind: 'minutes',
      title: 'Adopt the minutes',
      subjects: [{ kind: 'meeting', id: meeting.id }],
      addOrgIds: [hostId, guestId],
      dueAt: new Date(clock.now().getTime() + 3 * 86_400_000).toISOString(),
    },
  });
  assert.deepEqual((await host.call('getMeeting', { params: { id: meeting.id } })).minutesDecision, {
    id: adopt.id,
    state: 'pending',
  });
  await host.call('answerDecision', { params: { id: adopt.id }, body: { answer: 'consent' } });
  await guest.call('answerDecision', { params: { id: adopt.id }, body: { answer: 'consent' } });
  await coordinator.call('recordMinutes', {
    params: { id: meeting.id },
    body: { minutes: withMinutes.minutes, decisionIds: [adopt.id], version: withMinutes.version },
  });
  const final = await guest.call('getMeeting', { params: { id: meeting.id } });
  assert.deepEqual(final.minutesDecision, { id: adopt.id, state: 'adopted' });
  assert.deepEqual(final.decisionIds, [adopt.id]);
  assert.deepEqual(
    final.actions.map((a) => a.status),
    ['done', 'done'],
  );
});

test('a minutes decision names a meeting that exists', async () => {
  await rejects(
    coordinator.call('proposeDecision', {
      body: {
        kind: 'minutes',
        title: 'Adopt',
        subjects: [{ kind: 'meeting', id: '00000000-0000-4000-8000-000000000000' }],
        addOrgIds: [hostId],
        dueAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
      },
    }),
    400,
  );
});
