/** Derived statuses at their edges, the whole agreement's evaluation, and PAM roll-ups. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveStatus, disputeFlag, type StatusInput } from '../../../src/domain/compliance/status.ts';
import { evaluateAgreement, type ProvisionFacts } from '../../../src/domain/compliance/evaluate.ts';
import { rollup, rollupBy } from '../../../src/domain/compliance/rollup.ts';
import { PROVISION_STATUSES } from '../../../src/contract/compliance/enums.ts';

const deadline = new Date('2025-10-13T09:00:00Z');
const at = (iso: string) => new Date(iso);
const base: StatusInput = {
  now: at('2025-10-12T00:00:00Z'),
  measure: 'count',
  target: 20,
  deadline,
  started: true,
  deliveries: [],
  score: null,
  ruledViolations: 0,
};
const s = (over: Partial<StatusInput>) => deriveStatus({ ...base, ...over });

test('count: not started, in progress, fulfilled', () => {
  assert.equal(s({}).status, 'not_started');
  assert.equal(s({ deliveries: [{ count: 7, occurredAt: at('2025-10-11T00:00:00Z') }] }).status, 'in_progress');
  const done = s({
    deliveries: [
      { count: 7, occurredAt: at('2025-10-11T00:00:00Z') },
      { count: 13, occurredAt: at('2025-10-11T06:00:00Z') },
    ],
  });
  assert.equal(done.status, 'fulfilled');
  assert.equal(done.fulfilledAt?.toISOString(), '2025-10-11T06:00:00.000Z');
  assert.equal(done.fulfilledLate, false);
});

test('a zero-count delivery (crossing closed) does not start a provision', () => {
  assert.equal(s({ deliveries: [{ count: 0, occurredAt: at('2025-10-11T00:00:00Z') }] }).status, 'not_started');
});

test('the deadline instant itself is still on time; one millisecond later is late', () => {
  const partial = [{ count: 19, occurredAt: at('2025-10-11T00:00:00Z') }];
  assert.equal(s({ now: deadline, deliveries: partial }).status, 'in_progress');
  const late = s({ now: new Date(deadline.getTime() + 1), deliveries: partial });
  assert.equal(late.status, 'late');
  assert.equal(late.dueNow, 20);
  assert.equal(
    s({ now: new Date(deadline.getTime() + 1) }).status,
    'late',
    'nothing delivered and past due is late too',
  );
});

test('delivered exactly at the deadline is on time; after it, fulfilled late', () => {
  const onTime = s({ now: at('2025-10-20T00:00:00Z'), deliveries: [{ count: 20, occurredAt: deadline }] });
  assert.equal(onTime.status, 'fulfilled');
  assert.equal(onTime.fulfilledLate, false);
  const late = s({
    now: at('2025-10-20T00:00:00Z'),
    deliveries: [{ count: 20, occurredAt: new Date(deadline.getTime() + 1000) }],
  });
  assert.equal(late.status, 'fulfilled');
  assert.equal(late.fulfilledLate, true);
});

test('deliveries dated after "now" are not counted yet', () => {
  const r = s({ deliveries: [{ count: 20, occurredAt: at('2025-10-12T00:00:01Z') }] });
  assert.equal(r.status, 'not_started');
  assert.equal(r.delivered, 0);
});

test('precedence: fulfilment over a ruling, a ruling over lateness; no status is "disputed"', () => {
  const full = [{ count: 20, occurredAt: at('2025-10-11T00:00:00Z') }];
  const pastDue = new Date(deadline.getTime() + 1);
  assert.equal(s({ now: pastDue }).status, 'late');
  assert.ok(!(PROVISION_STATUSES as readonly string[]).includes('disputed'), 'a dispute is a flag, never a status');
  assert.equal(s({ ruledViolations: 1, deliveries: full }).status, 'fulfilled');
  assert.equal(s({ ruledViolations: 1 }).status, 'breached');
  assert.equal(s({ ruledViolations: 2, now: pastDue }).status, 'breached');
});

test('a provision waiting for its dependency is not late', () => {
  assert.equal(s({ started: false, now: new Date(deadline.getTime() + 1) }).status, 'not_started');
});

test('milestone: reached once; judgement: fulfilled only at PAM score 3', () => {
  assert.equal(
    s({ measure: 'milestone', target: null, deliveries: [{ count: 1, occurredAt: at('2025-10-10T09:00:00Z') }] })
      .status,
    'fulfilled',
  );
  assert.equal(s({ measure: 'milestone', target: null, now: new Date(deadline.getTime() + 1) }).status, 'late');
  assert.equal(s({ measure: 'judgement', target: null }).status, 'not_started');
  assert.equal(s({ measure: 'judgement', target: null, score: 0 }).status, 'not_started');
  assert.equal(s({ measure: 'judgement', target: null, score: 1 }).status, 'in_progress');
  assert.equal(
    s({ measure: 'judgement', target: null, score: 2, now: new Date(deadline.getTime() + 1) }).status,
    'late',
  );
  assert.equal(
    s({ measure: 'judgement', target: null, score: 3, now: new Date(deadline.getTime() + 1) }).status,
    'fulfilled',
  );
});

test('ratio: due in step with the source, late only when behind after the deadline, fulfilled when the source is complete', () => {
  const r = (delivered: number, sourceDelivered: number, sourceFulfilled: boolean, now = base.now) =>
    s({
      measure: 'ratio',
      target: null,
      now,
      ratio: { perUnit: 15, sourceDelivered, sourceFulfilled },
      deliveries: delivered ? [{ count: delivered, occurredAt: at('2025-10-11T00:00:00Z') }] : [],
    });
  assert.equal(r(0, 0, false).status, 'not_started');
  assert.equal(r(0, 4, false).dueNow, 60);
  const pastDue = new Date(deadline.getTime() + 1);
  assert.equal(r(45, 4, false, pastDue).status, 'late', '45 of 60 due after the deadline');
  assert.equal(r(60, 4, false, pastDue).status, 'in_progress', 'on ratio while the source is incomplete');
  assert.equal(r(60, 4, true, pastDue).status, 'fulfilled');
  assert.equal(r(59, 4, true).status, 'in_progress', 'one short of the ratio');
});

test('rate: so many a day from the deadline on, cumulative; never fulfilled, only on pace or behind', () => {
  const start = deadline;
  const day = 86_400_000;
  const r = (now: Date, deliveries: { count: number; occurredAt: Date }[]) =>
    s({ measure: 'rate', target: 600, now, deliveries });
  const before = new Date(start.getTime() - 1);
  assert.equal(r(before, []).status, 'not_started');
  assert.equal(r(before, []).dueNow, null, 'nothing due before the start');
  assert.equal(r(new Date(start.getTime() + day - 1), []).status, 'not_started', 'the first day is not over');
  const twoDays = new Date(start.getTime() + 2 * day);
  const early = { count: 5000, occurredAt: new Date(start.getTime() - day) };
  const behind = r(twoDays, [early, { count: 1199, occurredAt: new Date(start.getTime() + day) }]);
  assert.equal(behind.dueNow, 1200);
  assert.equal(behind.status, 'late', 'deliveries before the start do not count against the rate');
  assert.equal(behind.delivered, 6199);
  const onPace = r(twoDays, [{ count: 1200, occurredAt: start }]);
  assert.equal(onPace.status, 'in_progress');
  assert.equal(onPace.fulfilledAt, null);
});

test('the agreement: anchors on events and on provisions, dependencies, ratio sources', () => {
  const ceasefire = at('2025-10-10T09:00:00Z');
  const facts = (over: Partial<ProvisionFacts> & { id: string }): ProvisionFacts => ({
    measure: 'count',
    target: 20,
    ratio: null,
    deadline: { kind: 'relative', amount: 72, unit: 'hours' },
    anchor: { eventId: 'cf' },
    dependsOnId: null,
    deliveries: [],
    score: null,
    ruledViolations: 0,
    ...over,
  });
  const agreement = [
    facts({ id: 'hostages', deliveries: [{ count: 20, occurredAt: at('2025-10-13T08:00:00Z') }] }),
    facts({ id: 'remains', target: 28, deliveries: [{ count: 4, occurredAt: at('2025-10-13T18:00:00Z') }] }),
    facts({
      id: 'bodies',
      measure: 'ratio',
      target: null,
      ratio: { sourceId: 'remains', perUnit: 15 },
      deadline: { kind: 'none' },
      anchor: null,
      deliveries: [{ count: 45, occurredAt: at('2025-10-14T11:00:00Z') }],
    }),
    facts({
      id: 'prisoners',
      target: 250,
      dependsOnId: 'hostages',
      anchor: { provisionId: 'hostages' },
      deadline: { kind: 'relative', amount: 24, unit: 'hours' },
    }),
    facts({
      id: 'later',
      dependsOnId: 'remains',
      anchor: { provisionId: 'remains' },
      deadline: { kind: 'relative', amount: 1, unit: 'days' },
    }),
  ];
  const now = at('2025-10-20T00:00:00Z');
  const result = evaluateAgreement(agreement, new Map([['cf', ceasefire]]), now, 'Asia/Gaza');
  assert.equal(result.get('hostages')?.status, 'fulfilled');
  assert.equal(result.get('remains')?.status, 'late');
  assert.equal(result.get('bodies')?.dueNow, 60);
  assert.equal(result.get('bodies')?.status, 'in_progress');
  assert.equal(result.get('prisoners')?.deadline?.toISOString(), '2025-10-14T08:00:00.000Z');
  assert.equal(result.get('prisoners')?.status, 'late');
  assert.equal(result.get('later')?.deadline, null, 'unknown until the remains are all returned');
  assert.equal(result.get('later')?.started, false);
  assert.equal(result.get('later')?.status, 'not_started');
  const unknownEvent = evaluateAgreement([facts({ id: 'x' })], new Map([['cf', null]]), now, 'UTC');
  assert.equal(unknownEvent.get('x')?.deadline, null, 'an event that has not happened sets no deadline');
});

test('a dependency cycle does not loop', () => {
  const f = (id: string, on: string): ProvisionFacts => ({
    id,
    measure: 'milestone',
    target: null,
    ratio: null,
    deadline: { kind: 'none' },
    anchor: { provisionId: on },
    dependsOnId: on,
    deliveries: [],
    score: null,
    ruledViolations: 0,
  });
  const r = evaluateAgreement([f('a', 'b'), f('b', 'a')], new Map(), at('2025-10-20T00:00:00Z'), 'UTC');
  assert.equal(r.size, 2);
});

test('PAM roll-up: scores over three per provision, unscored counted as zero', () => {
  const items = [
    {
      phase: 1,
      type: 'withdrawal_of_troops',
      parties: ['il'],
      score: 3,
      status: 'fulfilled' as const,
      disputed: false,
    },
    { phase: 1, type: 'prisoner_release', parties: ['hamas'], score: 1, status: 'late' as const, disputed: true },
    {
      phase: 2,
      type: 'disarmament',
      parties: ['il', 'hamas'],
      score: null,
      status: 'not_started' as const,
      disputed: false,
    },
  ];
  const all = rollup(items);
  // A disputed late provision stays late in the roll-up, and is counted as disputed beside it.
  assert.equal(all.byStatus.late, 1);
  assert.equal(all.disputed, 1);
  assert.equal(all.implementation, 4 / 9);
  assert.equal(all.scored, 2);
  assert.equal(all.byStatus.fulfilled, 1);
  assert.equal(all.byStatus.breached, 0);
  assert.equal(rollup([]).implementation, 0);
  const byParty = rollupBy(items, (i) => i.parties);
  assert.equal(byParty.get('il')?.implementation, 3 / 6);
  assert.equal(byParty.get('hamas')?.provisions, 2);
  assert.equal(rollupBy(items, (i) => [i.type]).get('prisoner_release')?.implementation, 1 / 3);
});

test('the dispute flag: open disputes only, each party once; resolved ones clear it', () => {
  assert.deepEqual(disputeFlag([]), { disputed: false, disputedBy: [] });
  assert.deepEqual(
    disputeFlag([
      { organisationId: 'hamas', status: 'rejected' },
      { organisationId: 'il', status: 'upheld' },
    ]),
    { disputed: false, disputedBy: [] },
  );
  assert.deepEqual(
    disputeFlag([
      { organisationId: 'hamas', status: 'open' },
      { organisationId: 'il', status: 'rejected' },
      { organisationId: 'hamas', status: 'open' },
      { organisationId: 'il', status: 'open' },
    ]),
    { disputed: true, disputedBy: ['hamas', 'il'] },
  );
});
