/**
 * @module The demo's meeting: Paris, 9 October 2025 (from the public reporting of that day): the
 * Arab and European ministers' conference on Gaza after the ceasefire, convened by France.
 * Attendance as reported (Qatar, the UAE, Saudi Arabia, Turkey, Jordan and Egypt, joined by the
 * UK, Germany, Italy and Spain, with Canada and Indonesia represented; the US cancelled). The
 * action items are ILLUSTRATIVE, labelled so, drawn from what was said there: one done, one
 * late, one due. Its minutes await adoption by the demo's illustrative `minutes` rule.
 */
import type { DemoContext } from '../../../demo/modules/context.ts';
import { agreementDay } from '../domain/meetings.ts';
import { CONSENT_KINDS, consentLogFields } from '../log/fields.ts';
import { insertDecision } from '../repositories/consent.ts';
import { insertAction, insertMeeting, setActionDone } from '../repositories/meetings.ts';
import { decisionRow } from '../services/decisions.ts';
import { actionRow, meetingRow } from '../services/meetings.ts';

const ATTENDING = [
  'Qatar',
  'United Arab Emirates',
  'Saudi Arabia',
  'Turkey',
  'Jordan',
  'Egypt',
  'United Kingdom',
  'Germany',
  'Italy',
  'Spain',
  'Canada',
  'Indonesia',
];

export async function seedMeetings(ctx: DemoContext, org: (name: string) => string): Promise<void> {
  const { tx, record, now } = ctx;
  const meeting = await meetingRow(
    tx,
    {
      title: "Paris conference on Gaza's post-war future",
      heldOn: '2025-10-09',
      place: 'Paris',
      conveningOrgId: org('France'),
      attendingOrgIds: ATTENDING.map(org),
      agenda:
        'Keeping the ceasefire on course; an international stabilisation force moving in as Israeli forces pull back in phases; a UN Security Council mandate; support to Palestinian police; reconstruction.',
      minutes:
        'As reported: an international force is expected to deploy simultaneously with the phased Israeli withdrawal under the US plan; the UN Security Council to work on a mandate in the coming weeks; contributions may be training, equipment or forces. Israel, absent, said no decision on Gaza could be made without its approval. (Summary for the demo, from public reporting.)',
      illustrative: false,
    },
    now,
  );
  await insertMeeting(tx, meeting);
  await record({
    kind: CONSENT_KINDS.meeting,
    id: meeting.id,
    version: 1,
    op: 'create',
    at: now,
    actor: null,
    ...consentLogFields('meeting', meeting),
  });

  const inDays = (n: number) => agreementDay(new Date(now.getTime() + n * 86_400_000));
  const items: [string, string, string, boolean][] = [
    ['France', 'Debrief the US Secretary of State on the conference (illustrative)', '2025-10-10', true],
    [
      'Italy',
      'State what Italy would contribute: troops, engineers, reconstruction (illustrative)',
      '2025-10-31',
      false,
    ],
    ['France', 'Circulate elements for a UN Security Council mandate of the force (illustrative)', inDays(21), false],
  ];
  for (const [owner, title, dueOn, done] of items) {
    const item = await actionRow(tx, meeting.id, { title, ownerOrgId: org(owner), dueOn, illustrative: true }, now);
    await insertAction(tx, item);
    await record({
      kind: CONSENT_KINDS.meetingAction,
      id: item.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...consentLogFields('meetingAction', item),
    });
    if (done) {
      const doneRow = { ...item, done_at: new Date('2025-10-10T15:00:00Z'), version: 2 };
      await setActionDone(tx, doneRow);
      await record({
        kind: CONSENT_KINDS.meetingAction,
        id: item.id,
        version: 2,
        op: 'update',
        at: now,
        actor: null,
        ...consentLogFields('meetingAction', doneRow),
      });
    }
  }

  // The minutes, put to the (illustrative) `minutes` rule: awaiting answers.
  const minutes = await decisionRow(
    tx,
    null,
    {
      kind: 'minutes',
      title: 'Adopt the minutes of the Paris conference of 9 October 2025',
      body: 'Illustrative: invented for the Truce demo.',
      subjects: [{ kind: 'meeting', id: meeting.id }],
      dueAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
    },
    now,
  );
  await insertDecision(tx, minutes);
  await record({
    kind: CONSENT_KINDS.decision,
    id: minutes.id,
    version: 1,
    op: 'create',
    at: now,
    actor: null,
    ...consentLogFields('decision', minutes),
  });
}
