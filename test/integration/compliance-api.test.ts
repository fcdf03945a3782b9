/**
 * Agreement compliance through the real API on both engines: the demo's phase one and its
 * derived statuses, deadline arithmetic, ratios, PAM scores, disputes, and person-level data
 * seen by every demo role (API, CSV exports, log commitments).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey } from '../../src/log/keys.ts';
import { openEventStream } from '../support/sse.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { DEMO_USERS } from '../../src/demo/scenario.ts';
import { fixedClock, systemClock } from '../../src/adapters/clock.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Provision } from '../../src/contract/compliance.ts';

let tdb: TestDatabase;
let server: TestServer;
const clock = fixedClock(new Date('2025-11-20T10:00:00Z'));
const sessions = new Map<string, SignedInClient>();

async function as(email: string): Promise<SignedInClient> {
  let s = sessions.get(email);
  if (!s) {
    s = await signInAs(server.url, email);
    sessions.set(email, s);
  }
  return s;
}
const rejectsWith = (status: number) => (e: unknown) => e instanceof ApiError && e.status === status;

async function provisions(email = 'coordinator@truce.example'): Promise<Provision[]> {
  return (await (await as(email)).client.call('listProvisions', {})).items;
}
async function byTitle(title: RegExp, email?: string): Promise<Provision> {
  const p = (await provisions(email)).find((x) => title.test(x.title));
  assert.ok(p, `provision ${title} exists`);
  return p;
}

before(async () => {
  tdb = await openTestDatabase();
  // A real log: every write waits for its entry, so responses and lists carry log indexes.
  const key = await loadOrCreateLogKey(tdb.database.db, 'truce.test/compliance', new Date());
  const sequencer = new Sequencer(tdb.database.db, key, 'truce.test/compliance', systemClock, silentLogger);
  await sequencer.init();
  const deps = testDeps(tdb.database, clock, sequencer);
  await seedDemo(deps);
  server = await startTestServer(deps);
});
after(async () => {
  await server.close();
  await tdb.close();
});

test('the demo carries phase one with derived statuses that tell the story', async () => {
  const items = await provisions('observer.il@truce.example');
  const status = Object.fromEntries(items.map((p) => [p.title, p.status]));
  assert.deepEqual(status, {
    'Cessation of all military operations': 'breached',
    'Withdrawal of Israeli forces to the agreed line': 'fulfilled',
    'Release of all living hostages': 'fulfilled',
    'Return of the remains of deceased hostages': 'late',
    "Return of 15 Gazan bodies for each hostage's remains": 'in_progress',
    'Release of 250 prisoners serving life sentences': 'fulfilled',
    'Release of 1,700 Gazans detained after 7 October 2023': 'fulfilled',
    'Full entry of humanitarian aid (600 trucks a day)': 'late',
    'Decommissioning of weapons in Gaza': 'not_started',
    'Further withdrawal tied to demilitarisation milestones': 'not_started',
  });
  // Hamas disputes the remains' count: a flag beside the status, which stays late.
  assert.deepEqual(
    items.filter((p) => p.disputed).map((p) => [p.title, p.disputedBy.map((o) => o.name)]),
    [['Return of the remains of deceased hostages', ['Hamas']]],
  );
  const hostages = items.find((p) => p.title === 'Release of all living hostages')!;
  // 72 hours after 10 Oct 2025 12:00 Asia/Gaza (UTC+3) = 13 Oct 09:00 UTC.
  assert.equal(hostages.deadline, '2025-10-13T09:00:00.000Z');
  assert.equal(hostages.delivered, 20);
  assert.equal(hostages.fulfilledAt, '2025-10-13T08:00:00.000Z');
  assert.equal(hostages.fulfilledLate, false);
  // Relative to another provision's fulfilment: 24 hours after the last living hostage was freed.
  const lifers = items.find((p) => /250 prisoners/.test(p.title))!;
  assert.equal(lifers.deadline, '2025-10-14T08:00:00.000Z');
  assert.equal(lifers.started, true);
  const further = items.find((p) => /Further withdrawal/.test(p.title))!;
  assert.equal(further.started, false, 'waits until decommissioning is verified');
  const summary = await (await as('observer.ps@truce.example')).client.call('getComplianceSummary', {});
  assert.equal(summary.overall.provisions, 10);
  assert.ok(Math.abs(summary.overall.implementation - 17 / 30) < 1e-9, `PAM roll-up ${summary.overall.implementation}`);
  assert.deepEqual(
    summary.byPhase.map((p) => [p.phase, p.provisions]),
    [
      [1, 8],
      [2, 2],
    ],
  );
  assert.deepEqual(
    summary.byParty.map((p) => [p.name, p.provisions]),
    [
      ['Hamas', 4],
      ['Israel', 7],
    ],
  );
  const prisoners = summary.byType.find((g) => g.type === 'prisoner_release')!;
  assert.equal(prisoners.provisions, 3);
  assert.equal(prisoners.implementation, 1, 'hostages, life-sentence prisoners and detainees all scored 3');
  assert.equal(summary.events[0]?.occurredAt, '2025-10-10T09:00:00.000Z');
});

test("ratios: 15 bodies due for each hostage's remains received, recomputed on each delivery", async () => {
  const bodies = await byTitle(/15 Gazan bodies/);
  assert.equal(bodies.dueNow, 15 * 14);
  assert.equal(bodies.delivered, 195);
  const remains = await byTitle(/remains of deceased/);
  const icrc = await as('liaison.icrc@truce.example');
  await icrc.client.call('createDelivery', {
    params: { id: remains.id },
    body: { count: 2, occurredAt: '2025-11-19T19:00:00Z', verifier: 'ICRC' },
  });
  const after = await byTitle(/15 Gazan bodies/);
  assert.equal(after.dueNow, 15 * 16);
  assert.equal(after.status, 'in_progress');
  await icrc.client.call('createDelivery', {
    params: { id: bodies.id },
    body: { count: 45, occurredAt: '2025-11-20T08:00:00Z', verifier: 'ICRC' },
  });
  assert.equal((await byTitle(/15 Gazan bodies/)).delivered, 240);
});

test('person-level data: every role through the API, the exports and the log', async () => {
  const remains = await byTitle(/remains of deceased/);
  const secretName = 'Zz Restricted Person Alpha';
  const icrc = await as('liaison.icrc@truce.example');
  const written = await icrc.client.call('createDelivery', {
    params: { id: remains.id },
    body: {
      count: 1,
      occurredAt: '2025-11-20T07:00:00Z',
      verifier: 'ICRC',
      location: 'Gaza City',
      persons: [{ name: secretName, idNumber: 'ID-77' }],
    },
  });
  assert.deepEqual(written.persons, [{ name: secretName, idNumber: 'ID-77' }]);
  assert.equal(typeof written.logIndex, 'number');

  const allowed = new Set(['admin@truce.example', 'coordinator@truce.example', 'liaison.icrc@truce.example']);
  for (const user of DEMO_USERS) {
    const s = await as(user.email);
    const list = await fetch(`${server.url}/api/provisions`, { headers: { cookie: s.cookie } });
    const text = await list.text();
    const one = await fetch(`${server.url}/api/provisions/${remains.id}`, { headers: { cookie: s.cookie } });
    const oneText = await one.text();
    const delivery = (JSON.parse(oneText) as Provision).deliveries.find((d) => d.id === written.id)!;
    assert.equal(delivery.count, 1, `${user.email} sees the count`);
    assert.equal(delivery.personsNamed, 1, `${user.email} sees that one person was named`);
    assert.equal(delivery.logIndex, written.logIndex, `${user.email} sees the delivery's log entry`);
    if (allowed.has(user.email)) {
      assert.deepEqual(delivery.persons, [{ name: secretName, idNumber: 'ID-77' }], `${user.email} sees the names`);
      assert.match(text, new RegExp(secretName));
    } else {
      assert.equal(delivery.persons, null, `${user.email} does not see the names`);
      assert.doesNotMatch(
        text + oneText,
        /Restricted Person|ID-77/,
        `${user.email}: no name anywhere in the responses`,
      );
    }
    for (const file of ['provisions.csv', 'provision-deliveries.csv']) {
      const res = await fetch(`${server.url}/api/exports/${file}`, { headers: { cookie: s.cookie } });
      assert.equal(res.status, 200);
      const csv = await res.text();
      assert.doesNotMatch(csv, /Restricted Person|ID-77/, `${user.email}: no name in ${file}`);
    }
  }
  const csv = await (
    await fetch(`${server.url}/api/exports/provision-deliveries.csv`, {
      headers: { cookie: (await as('admin@truce.example')).cookie },
    })
  ).text();
  const line = csv.split('\r\n').find((l) => l.startsWith(written.id))!;
  assert.match(line, /,1,Hamas,ICRC,Gaza City,,1$/, 'the row carries the count and how many were named');
  assert.equal((await fetch(`${server.url}/api/exports/provisions.csv`)).status, 401);

  // The log keeps a salted commitment only; the value sits in record_secrets.
  const change = await tdb.database.db
    .selectFrom('record_changes')
    .selectAll()
    .where('record_kind', '=', 'provision_delivery')
    .where('record_id', '=', written.id)
    .executeTakeFirstOrThrow();
  const payload = JSON.stringify(change.payload);
  assert.doesNotMatch(payload, /Restricted Person|ID-77/);
  assert.match(payload, /"persons":"[0-9a-f]{64}"/);
  const secret = await tdb.database.db
    .selectFrom('record_secrets')
    .selectAll()
    .where('change_id', '=', change.id)
    // The change may also have the actor's opening ('@user') once the sequencer logged it.
    .where('field', '=', 'persons')
    .executeTakeFirstOrThrow();
  assert.match(JSON.stringify(secret.value), /Restricted Person Alpha/);
});

test('who may record: the intermediary and coordinators with names; monitors counts only; others nothing', async () => {
  const remains = await byTitle(/remains of deceased/);
  const before = remains.delivered;
  const body = { count: 1, occurredAt: '2025-11-20T09:00:00Z', verifier: 'ICRC' };
  const named = { ...body, persons: [{ name: 'Someone' }] };
  await assert.rejects(
    (await as('liaison.id@truce.example')).client.call('createDelivery', { params: { id: remains.id }, body }),
    rejectsWith(403),
  );
  await assert.rejects(
    (await as('observer.il@truce.example')).client.call('createDelivery', { params: { id: remains.id }, body }),
    rejectsWith(403),
  );
  await assert.rejects(
    (await as('monitor.un@truce.example')).client.call('createDelivery', { params: { id: remains.id }, body: named }),
    rejectsWith(403),
  );
  await assert.rejects(
    (await as('liaison.icrc@truce.example')).client.call('createDelivery', {
      params: { id: remains.id },
      body: { ...body, count: 1, persons: [{ name: 'A' }, { name: 'B' }] },
    }),
    (e: unknown) => e instanceof ApiError && e.status === 400 && e.problem.errors?.[0]?.path === 'persons',
  );
  await assert.rejects(
    (await as('liaison.icrc@truce.example')).client.call('createDelivery', {
      params: { id: remains.id },
      body: { ...body, occurredAt: '2025-11-21T10:00:00Z' },
    }),
    (e: unknown) => e instanceof ApiError && e.status === 400 && e.problem.errors?.[0]?.path === 'occurredAt',
  );
  assert.equal((await byTitle(/remains of deceased/)).delivered, before, 'rejected requests changed nothing');
  const monitor = await (
    await as('monitor.un@truce.example')
  ).client.call('createDelivery', { params: { id: remains.id }, body });
  assert.equal(monitor.persons, null);
  assert.equal((await byTitle(/remains of deceased/)).delivered, before + 1);
});

test('deadlines: relative in hours and in Asia/Gaza calendar days across the end of summer time', async () => {
  const coordinator = await as('coordinator@truce.example');
  const summary = await coordinator.client.call('getComplianceSummary', {});
  const ceasefire = summary.events.find((e) => e.key === 'ceasefire')!;
  const israel = (await coordinator.client.call('listOrganisations', {})).items.find((o) => o.name === 'Israel')!;
  const make = (title: string, amount: number, unit: 'hours' | 'days') =>
    coordinator.client.call('createProvision', {
      body: {
        phase: 3,
        title,
        type: 'other',
        partyIds: [israel.id],
        measure: { kind: 'milestone' },
        deadline: { kind: 'relative', anchorEventId: ceasefire.id, amount, unit },
      },
    });
  const days = await make('Fifteen days later', 15, 'days');
  const hours = await make('Three hundred and sixty hours later', 360, 'hours');
  const items = await provisions();
  // 25 Oct 2025 12:00 local is after the change to UTC+2 (02:00 -> 01:00 that morning).
  assert.equal(items.find((p) => p.id === days.id)!.deadline, '2025-10-25T10:00:00.000Z');
  assert.equal(items.find((p) => p.id === hours.id)!.deadline, '2025-10-25T09:00:00.000Z');
  await assert.rejects(
    coordinator.client.call('createProvision', {
      body: {
        phase: 3,
        title: 'No anchor',
        type: 'other',
        partyIds: [israel.id],
        measure: { kind: 'milestone' },
        deadline: { kind: 'relative', amount: 1, unit: 'hours' },
      },
    }),
    (e: unknown) => e instanceof ApiError && e.status === 400 && e.problem.errors?.[0]?.path === 'deadline',
  );
  await assert.rejects(
    (await as('monitor.un@truce.example')).client.call('createProvision', {
      body: {
        phase: 3,
        title: 'Not allowed',
        type: 'other',
        partyIds: [israel.id],
        measure: { kind: 'milestone' },
        deadline: { kind: 'none' },
      },
    }),
    rejectsWith(403),
  );
});

test('agreement events: added, then dated; relative deadlines follow the recorded time', async () => {
  const coordinator = await as('coordinator@truce.example');
  const hamas = (await coordinator.client.call('listOrganisations', {})).items.find((o) => o.name === 'Hamas')!;
  await assert.rejects(
    (await as('observer.ps@truce.example')).client.call('createAgreementEvent', {
      body: { key: 'phase-two', name: 'Phase two begins' },
    }),
    rejectsWith(403),
  );
  const event = await coordinator.client.call('createAgreementEvent', {
    body: { key: 'phase-two', name: 'Phase two begins' },
  });
  assert.equal(event.occurredAt, null);
  await assert.rejects(
    coordinator.client.call('createAgreementEvent', { body: { key: 'phase-two', name: 'Again' } }),
    rejectsWith(409),
  );
  const created = await coordinator.client.call('createProvision', {
    body: {
      phase: 2,
      title: 'Handover within ten days of phase two',
      type: 'other',
      partyIds: [hamas.id],
      measure: { kind: 'milestone' },
      deadline: { kind: 'relative', anchorEventId: event.id, amount: 10, unit: 'days' },
    },
  });
  assert.equal(
    (await coordinator.client.call('getProvision', { params: { id: created.id } })).deadline,
    null,
    'unknown until the event happens',
  );
  const dated = await coordinator.client.call('updateAgreementEvent', {
    params: { id: event.id },
    body: { occurredAt: '2026-01-15T08:00:00+02:00' },
  });
  assert.equal(dated.version, 2);
  assert.equal(
    (await coordinator.client.call('getProvision', { params: { id: created.id } })).deadline,
    '2026-01-25T06:00:00.000Z',
  );
  const ops = await tdb.database.db
    .selectFrom('record_changes')
    .select(['version', 'op'])
    .where('record_id', '=', event.id)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    ops.map((o) => [o.version, o.op]),
    [
      [1, 'create'],
      [2, 'update'],
    ],
  );
});

test('status at the edge of a deadline, from the server clock: due, then late, then fulfilled late', async () => {
  const coordinator = await as('coordinator@truce.example');
  const hamas = (await coordinator.client.call('listOrganisations', {})).items.find((o) => o.name === 'Hamas')!;
  const deadline = new Date(clock.now().getTime() + 60_000);
  const created = await coordinator.client.call('createProvision', {
    body: {
      phase: 3,
      title: 'Counted edge case',
      type: 'other',
      partyIds: [hamas.id],
      measure: { kind: 'count', target: 10, unit: 'items' },
      deadline: { kind: 'absolute', at: deadline.toISOString() },
    },
  });
  const get = () => coordinator.client.call('getProvision', { params: { id: created.id } });
  assert.equal((await get()).status, 'not_started');
  assert.equal((await get()).secondsLeft, 60);
  await coordinator.client.call('createDelivery', {
    params: { id: created.id },
    body: { count: 4, occurredAt: clock.now().toISOString(), verifier: 'UN' },
  });
  assert.equal((await get()).status, 'in_progress');
  clock.advance(60_000);
  assert.equal((await get()).status, 'in_progress', 'exactly at the deadline is not late yet');
  clock.advance(1_000);
  const late = await get();
  assert.equal(late.status, 'late');
  assert.equal(late.dueNow, 10);
  await coordinator.client.call('createDelivery', {
    params: { id: created.id },
    body: { count: 6, occurredAt: clock.now().toISOString(), verifier: 'UN' },
  });
  const done = await get();
  assert.equal(done.status, 'fulfilled');
  assert.equal(done.fulfilledLate, true);
});

test('a rate (trucks a day) is due per whole day from its deadline, cumulatively', async () => {
  const coordinator = await as('coordinator@truce.example');
  const israel = (await coordinator.client.call('listOrganisations', {})).items.find((o) => o.name === 'Israel')!;
  const start = new Date(clock.now().getTime() - 3 * 86_400_000 - 60_000);
  const body = {
    phase: 3,
    title: 'Aid trucks a day',
    type: 'other' as const,
    partyIds: [israel.id],
    measure: { kind: 'rate' as const, perDay: 100, unit: 'trucks' },
  };
  await assert.rejects(
    coordinator.client.call('createProvision', { body: { ...body, deadline: { kind: 'none' } } }),
    (e: unknown) => e instanceof ApiError && e.status === 400 && e.problem.errors?.[0]?.path === 'deadline',
  );
  const created = await coordinator.client.call('createProvision', {
    body: { ...body, deadline: { kind: 'absolute', at: start.toISOString() } },
  });
  const deliver = (count: number, at: Date) =>
    coordinator.client.call('createDelivery', {
      params: { id: created.id },
      body: { count, occurredAt: at.toISOString(), verifier: 'United Nations' },
    });
  await deliver(500, new Date(start.getTime() - 3_600_000));
  await deliver(250, new Date(start.getTime() + 3_600_000));
  const behind = await coordinator.client.call('getProvision', { params: { id: created.id } });
  assert.equal(behind.dueNow, 300);
  assert.equal(behind.delivered, 750);
  assert.equal(behind.status, 'late');
  assert.deepEqual(behind.measure, { kind: 'rate', perDay: 100, unit: 'trucks' });
  await deliver(50, clock.now());
  assert.equal((await coordinator.client.call('getProvision', { params: { id: created.id } })).status, 'in_progress');
});

test('disputes are tracked to their resolution; PAM scores only from coordinators', async () => {
  const hostages = await byTitle(/living hostages/);
  const il = await as('observer.il@truce.example');
  const ps = await as('observer.ps@truce.example');
  const israelId = (await il.client.call('getSession', {})).user.organisationId;
  const opened = await ps.client.call('createDispute', {
    params: { id: hostages.id },
    body: { reason: 'Counted twice at Khan Yunis.' },
  });
  assert.equal(opened.status, 'open');
  assert.equal(opened.organisationName, 'Hamas');
  const disputed = await byTitle(/living hostages/);
  assert.equal(disputed.status, 'fulfilled', 'a dispute never changes the derived status');
  assert.equal(disputed.disputed, true);
  await assert.rejects(
    ps.client.call('createDispute', { params: { id: hostages.id }, body: { reason: 'again' } }),
    rejectsWith(409),
  );
  await assert.rejects(
    ps.client.call('createDispute', {
      params: { id: hostages.id },
      body: { reason: 'for them', organisationId: israelId },
    }),
    rejectsWith(403),
  );
  await assert.rejects(
    (await as('monitor.eu@truce.example')).client.call('createDispute', {
      params: { id: hostages.id },
      body: { reason: 'x' },
    }),
    rejectsWith(403),
  );
  await assert.rejects(
    (await as('liaison.icrc@truce.example')).client.call('createDispute', {
      params: { id: hostages.id },
      body: { reason: 'x' },
    }),
    (e: unknown) => e instanceof ApiError && e.status === 400 && e.problem.errors?.[0]?.path === 'organisationId',
  );
  await assert.rejects(
    il.client.call('resolveDispute', { params: { id: opened.id }, body: { outcome: 'rejected', resolution: 'no' } }),
    rejectsWith(403),
  );
  const coordinator = await as('coordinator@truce.example');
  const resolved = await coordinator.client.call('resolveDispute', {
    params: { id: opened.id },
    body: { outcome: 'rejected', resolution: 'ICRC records show two separate groups.' },
  });
  assert.equal(resolved.status, 'rejected');
  assert.equal(resolved.version, 2);
  await assert.rejects(
    coordinator.client.call('resolveDispute', {
      params: { id: opened.id },
      body: { outcome: 'upheld', resolution: 'late' },
    }),
    rejectsWith(409),
  );
  const after = await byTitle(/living hostages/, 'observer.ps@truce.example');
  assert.equal(after.status, 'fulfilled');
  assert.equal(after.disputed, false);
  assert.deepEqual(
    after.disputes.map((d) => [d.status, d.resolution]),
    [['rejected', 'ICRC records show two separate groups.']],
  );
  const ops = await tdb.database.db
    .selectFrom('record_changes')
    .select(['version', 'op'])
    .where('record_id', '=', opened.id)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    ops.map((o) => [o.version, o.op]),
    [
      [1, 'create'],
      [2, 'transition'],
    ],
  );

  // Two requests at once for the same party and provision: exactly one dispute opens.
  const withdrawal = await byTitle(/agreed line/);
  const raced = await Promise.allSettled(
    [1, 2].map((n) =>
      il.client.call('createDispute', { params: { id: withdrawal.id }, body: { reason: `race ${n}` } }),
    ),
  );
  assert.deepEqual(raced.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const loser = raced.find((r) => r.status === 'rejected');
  assert.ok(loser && rejectsWith(409)(loser.reason));
  assert.equal((await byTitle(/agreed line/)).disputes.filter((d) => d.status === 'open').length, 1);

  // PAM: a score with evidence and rationale, kept as history; the roll-up follows.
  const aid = await byTitle(/humanitarian aid/);
  await assert.rejects(
    il.client.call('createAssessment', { params: { id: aid.id }, body: { score: 3, evidence: 'e', rationale: 'r' } }),
    rejectsWith(403),
  );
  await assert.rejects(
    coordinator.client.call('createAssessment', {
      params: { id: aid.id },
      body: { score: 4, evidence: 'e', rationale: 'r' },
    }),
    rejectsWith(400),
  );
  const before = (await coordinator.client.call('getComplianceSummary', {})).byPhase.find((p) => p.phase === 1)!;
  await coordinator.client.call('createAssessment', {
    params: { id: aid.id },
    body: { score: 2, evidence: 'UN counts, week 6.', rationale: 'Entries near half the agreed volume.' },
  });
  const phase1 = (await coordinator.client.call('getComplianceSummary', {})).byPhase.find((p) => p.phase === 1)!;
  assert.ok(
    Math.abs((phase1.implementation - before.implementation) * 3 * phase1.provisions - 1) < 1e-9,
    'one point more in phase one',
  );
  const scored = await byTitle(/humanitarian aid/);
  assert.equal(scored.score, 2);
  assert.deepEqual(
    scored.assessments.map((a) => a.score),
    [1, 2],
  );
});

test('live change events tell an open page that a provision changed, without any content', async () => {
  const observer = await as('observer.il@truce.example');
  const stream = await openEventStream(`${server.url}/api/compliance/events`, { cookie: observer.cookie });
  await stream.until(/event: ready/);
  const remains = await byTitle(/remains of deceased/);
  await (
    await as('liaison.icrc@truce.example')
  ).client.call('createDelivery', {
    params: { id: remains.id },
    body: { count: 1, occurredAt: clock.now().toISOString(), verifier: 'ICRC', persons: [{ name: 'Streamed Name' }] },
  });
  await stream.until(/event: compliance/);
  assert.match(stream.text(), new RegExp(`"id":"${remains.id}"`));
  assert.doesNotMatch(stream.text(), /Streamed Name/);
  stream.close();
  assert.equal((await fetch(`${server.url}/api/compliance/events`)).status, 401);
});

test("a party's dispute does not hide a breach: the provision, the summary and the sitrep still say breached, with the flag; only a coordinator resolves", async () => {
  const il = await as('observer.il@truce.example');
  const coordinator = await as('coordinator@truce.example');
  const breached = await byTitle(/Cessation of all military operations/, 'observer.il@truce.example');
  assert.equal(breached.status, 'breached');
  assert.equal(breached.disputed, false);
  const summaryBefore = await il.client.call('getComplianceSummary', {});
  const sitrepBefore = await il.client.call('getSitrep', { query: {} });

  // The attack: one POST by the party the ruling went against.
  const opened = await il.client.call('createDispute', {
    params: { id: breached.id },
    body: { reason: 'The strikes answered an attack on our forces.' },
  });
  for (const email of ['observer.il@truce.example', 'observer.ps@truce.example', 'coordinator@truce.example']) {
    const seen = await (await as(email)).client.call('getProvision', { params: { id: breached.id } });
    assert.equal(seen.status, 'breached', `${email}: the breach stands`);
    assert.equal(seen.disputed, true, `${email}: the dispute is visible`);
    assert.deepEqual(
      seen.disputedBy.map((o) => o.name),
      ['Israel'],
    );
  }
  const summary = await il.client.call('getComplianceSummary', {});
  assert.equal(
    summary.overall.byStatus.breached,
    summaryBefore.overall.byStatus.breached,
    'the roll-up still counts the breach',
  );
  assert.equal(summary.overall.disputed, summaryBefore.overall.disputed + 1);
  const phase = (s: typeof summary) => s.byPhase.find((p) => p.phase === breached.phase)!;
  assert.equal(phase(summary).byStatus.breached, phase(summaryBefore).byStatus.breached);
  assert.equal(summary.overall.implementation, summaryBefore.overall.implementation);
  const sitrep = await il.client.call('getSitrep', { query: {} });
  assert.equal(sitrep.compliance.byStatus.breached, sitrepBefore.compliance.byStatus.breached);
  assert.equal(sitrep.compliance.disputed, sitrepBefore.compliance.disputed + 1);
  const line = sitrep.compliance.late.find((p) => p.title === breached.title);
  assert.deepEqual(line && { status: line.status, disputedBy: line.disputedBy }, {
    status: 'breached',
    disputedBy: ['Israel'],
  });
  const md = await (await fetch(`${server.url}/api/sitrep.md`, { headers: { cookie: il.cookie } })).text();
  assert.match(md, /- Breached: Cessation of all military operations \(.*disputed by Israel\)/);
  const csv = await (
    await fetch(`${server.url}/api/exports/provisions.csv`, { headers: { cookie: il.cookie } })
  ).text();
  const row = csv.split('\n').find((l) => l.includes('Cessation of all military operations')) ?? '';
  assert.match(row, /,"?breached"?,/, 'the export says breached too');

  // Only a coordinator resolves: neither party, nor a liaison, nor a monitor.
  for (const email of [
    'observer.il@truce.example',
    'observer.ps@truce.example',
    'liaison.icrc@truce.example',
    'monitor.un@truce.example',
  ]) {
    await assert.rejects(
      (await as(email)).client.call('resolveDispute', {
        params: { id: opened.id },
        body: { outcome: 'upheld', resolution: 'we agree with ourselves' },
      }),
      rejectsWith(403),
      email,
    );
  }
  assert.equal(
    (await il.client.call('getProvision', { params: { id: breached.id } })).disputed,
    true,
    'a refused resolution changed nothing',
  );
  await assert.rejects(
    coordinator.client.call('resolveDispute', {
      params: { id: opened.id },
      body: { outcome: 'rejected', resolution: '  ' },
    }),
    rejectsWith(400),
  );
  const text = 'The ruling of the joint monitors stands; the claimed attack is not on the record.';
  const resolved = await coordinator.client.call('resolveDispute', {
    params: { id: opened.id },
    body: { outcome: 'rejected', resolution: text },
  });
  assert.equal(resolved.status, 'rejected');
  // The resolution is logged: the record change of version 2 carries it, with the coordinator as actor.
  const coordinatorId = (await coordinator.client.call('getSession', {})).user.id;
  const change = await tdb.database.db
    .selectFrom('record_changes')
    .select(['op', 'payload', 'actor_user_id'])
    .where('record_kind', '=', 'provision_dispute')
    .where('record_id', '=', opened.id)
    .where('version', '=', 2)
    .executeTakeFirstOrThrow();
  assert.equal(change.op, 'transition');
  assert.equal(change.actor_user_id, coordinatorId);
  assert.match(JSON.stringify(change.payload), new RegExp(text));
  const after = await il.client.call('getProvision', { params: { id: breached.id } });
  assert.deepEqual([after.status, after.disputed], ['breached', false]);
  assert.deepEqual(
    after.disputes.filter((d) => d.id === opened.id).map((d) => [d.status, d.resolution]),
    [['rejected', text]],
  );
});
