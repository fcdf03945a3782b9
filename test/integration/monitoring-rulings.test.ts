/**
 * Joint verification of a ruling, attacked the way issue 10 found it: a coordinator's approval,
 * two monitors of one organisation (or of one organisation and its mission), the proposer's own
 * approval, a monitor disabled, demoted or moved after approving, a party's or a state's monitor,
 * and approvals racing (on PostgreSQL really racing: they queue on the incident's row lock while
 * this test holds it, checked in pg_stat_activity). The API says who approved and what is needed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { DEMO_PASSWORD } from '../../src/demo/scenario.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';
import { noteSerialOnPGlite, waitUntilBlockedBy } from '../support/locks.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let admin: SignedInClient;
let coordinator: SignedInClient;
const monitors = new Map<string, SignedInClient & { userId: string }>();
const orgIds = new Map<string, string>();
let slot = 0;

const status = (code: number) => (e: unknown) => e instanceof ApiError && e.status === code;

/** A monitor account of an organisation (created through the API by the admin), signed in. */
async function monitorOf(key: string, organisation: string): Promise<SignedInClient & { userId: string }> {
  const known = monitors.get(key);
  if (known) return known;
  const email = `${key}@rulings.test`;
  const user = await admin.client.call('createUser', {
    body: {
      email,
      name: `Monitor ${key}`,
      organisationId: orgIds.get(organisation)!,
      role: 'monitor',
      password: DEMO_PASSWORD,
    },
  });
  const signedIn = { ...(await signInAs(server.url, email)), userId: user.id };
  monitors.set(key, signedIn);
  return signedIn;
}

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  admin = await signInAs(server.url, 'admin@truce.example');
  coordinator = await signInAs(server.url, 'coordinator@truce.example');
  await admin.client.call('createOrganisation', { body: { name: 'Carter Center', kind: 'ngo' } });
  const egypt = (await admin.client.call('listOrganisations', {})).items.find((o) => o.name === 'Egypt')!;
  await admin.client.call('createOrganisation', {
    body: { name: 'Egyptian monitoring team', kind: 'mission', parentId: egypt.id },
  });
  for (const o of (await admin.client.call('listOrganisations', {})).items) orgIds.set(o.name, o.id);
});
after(async () => {
  await server?.close();
  await tdb?.close();
});

/** A fresh incident proposed for ruling by `proposer` (each in its own time slot, so none groups with another). */
async function proposed(proposer: SignedInClient): Promise<string> {
  slot += 1;
  const r = await proposer.client.call('createReport', {
    body: {
      clientId: randomUUID(),
      occurredAt: new Date(Date.now() - slot * 5 * 3600_000).toISOString(),
      location: { type: 'Point', coordinates: [34.455, 31.505] },
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      description: 'Drone strike reported near the road.',
      source: { kind: 'public', name: 'Resident' },
    },
  });
  await deps.db.updateTable('incidents').set({ status: 'investigating' }).where('id', '=', r.incidentId).execute();
  await proposer.client.call('transitionIncident', {
    params: { id: r.incidentId },
    body: { to: 'ruling_proposed', rationale: 'craters and fragments', outcome: 'insufficient_evidence' },
  });
  return r.incidentId;
}

const approve = (who: SignedInClient, id: string, note = '') =>
  who.client.call('reviewRuling', { params: { id }, body: { decision: 'approve', note } });

test('coordinators and admins no longer approve or contest; a coordinator plus one monitor is not a ruling', async () => {
  const un = await monitorOf('un-a', 'United Nations');
  const id = await proposed(un);
  for (const who of [coordinator, admin]) {
    await assert.rejects(approve(who, id), status(403));
    await assert.rejects(
      who.client.call('reviewRuling', { params: { id }, body: { decision: 'contest', note: 'no' } }),
      status(403),
    );
  }
  const one = await approve(un, id);
  assert.equal(one.status, 'ruling_proposed', 'the proposer alone is one organisation');
  assert.equal(one.ruling?.missing, 1);
  assert.deepEqual(
    one.ruling?.approvedBy.map((b) => b.organisationName),
    ['United Nations'],
  );
  const events = await deps.db
    .selectFrom('incident_events')
    .select('action')
    .where('incident_id', '=', id)
    .where('action', '=', 'approve')
    .execute();
  assert.equal(events.length, 1, 'the refused approvals wrote nothing');
});

test('two monitors of one organisation, or of an organisation and its mission, count once; the proposer counts for its own', async () => {
  const un1 = await monitorOf('un-b1', 'United Nations');
  const un2 = await monitorOf('un-b2', 'United Nations');
  const id = await proposed(un1);
  await approve(un1, id, 'I proposed it and I approve it');
  const twice = await approve(un2, id, 'a colleague agrees');
  assert.equal(twice.status, 'ruling_proposed');
  assert.equal(twice.ruling?.approvedBy.length, 1);
  assert.deepEqual(
    twice.ruling?.approvedBy[0]?.approvers.map((a) => a.name),
    ['Monitor un-b1', 'Monitor un-b2'],
  );
  assert.equal(twice.ruling?.missing, 1);
  await assert.rejects(approve(un2, id, 'again'), status(409), 'one review per account');

  // The European Union and its mission EUBAM Rafah are one body.
  const eu = await monitorOf('eu-b', 'European Union');
  const eubam = await monitorOf('eubam-b', 'EUBAM Rafah');
  const id2 = await proposed(eu);
  await approve(eu, id2);
  const sameBody = await approve(eubam, id2);
  assert.equal(sameBody.status, 'ruling_proposed');
  assert.deepEqual(
    sameBody.ruling?.approvedBy.map((b) => [b.organisationName, b.approvers.map((a) => a.organisationName)]),
    [['European Union', ['European Union', 'EUBAM Rafah']]],
  );
  const ruled = await approve(un1, id2);
  assert.equal(ruled.status, 'ruled');
  const decision = ruled.history.at(-1);
  assert.match(decision?.rationale ?? '', /2 organisations \(European Union, United Nations; quorum 2\)/);
});

test("parties' and states' monitors (and missions under a state) neither approve nor contest", async () => {
  const un = await monitorOf('un-c', 'United Nations');
  const id = await proposed(un);
  for (const [key, org] of [
    ['il-c', 'Israel'],
    ['eg-c', 'Egypt'],
    ['egteam-c', 'Egyptian monitoring team'],
  ] as const) {
    const m = await monitorOf(key, org);
    await assert.rejects(approve(m, id), status(403), org);
    await assert.rejects(
      m.client.call('reviewRuling', { params: { id }, body: { decision: 'contest', note: 'we object' } }),
      status(403),
      `${org} contest`,
    );
  }
  const israel = await monitorOf('il-c', 'Israel');
  await assert.rejects(
    israel.client.call('transitionIncident', { params: { id }, body: { to: 'investigating', rationale: 'withdrawn' } }),
    status(403),
    'nor withdraw it',
  );
  const carter = await monitorOf('carter-c', 'Carter Center');
  await approve(un, id);
  assert.equal((await approve(carter, id)).status, 'ruled', 'an NGO is a monitoring organisation');
});

test('a monitor disabled, demoted or moved after approving no longer counts for the old organisation', async () => {
  const un1 = await monitorOf('un-d1', 'United Nations');
  const un2 = await monitorOf('un-d2', 'United Nations');
  const eubam = await monitorOf('eubam-d', 'EUBAM Rafah');
  const carter = await monitorOf('carter-d', 'Carter Center');

  // Disabled: the UN's only approval is gone; the next approval does not make a ruling with it.
  const id = await proposed(eubam);
  await approve(un1, id);
  await admin.client.call('updateUser', { params: { id: un1.userId }, body: { disabled: true } });
  const afterDisable = await coordinator.client.call('getIncident', { params: { id } });
  assert.deepEqual(afterDisable.ruling?.approvedBy, []);
  assert.deepEqual(
    afterDisable.ruling?.notCounted.map((n) => [n.name, n.organisationName, n.reason]),
    [['Monitor un-d1', 'United Nations', 'disabled']],
  );
  const notYet = await approve(eubam, id);
  assert.equal(notYet.status, 'ruling_proposed', "a disabled monitor's approval does not make the quorum");
  assert.deepEqual(
    notYet.ruling?.approvedBy.map((b) => b.organisationName),
    ['European Union'],
  );
  // Another UN monitor may still approve for the UN (the old approval does not block the organisation).
  assert.equal((await approve(un2, id)).status, 'ruled');

  // Moved to another organisation (an operator's change in the database): not counted for the UN,
  // nor for the new one until they approve again as its monitor.
  const id2 = await proposed(eubam);
  await approve(un2, id2);
  await deps.db
    .updateTable('users')
    .set({ organisation_id: orgIds.get('Carter Center')! })
    .where('id', '=', un2.userId)
    .execute();
  const moved = await approve(eubam, id2);
  assert.equal(moved.status, 'ruling_proposed');
  assert.deepEqual(
    moved.ruling?.notCounted.map((n) => [n.organisationName, n.reason]),
    [['United Nations', 'moved']],
  );
  assert.equal(moved.ruling?.missing, 1);
  assert.equal((await approve(carter, id2)).status, 'ruled');

  // Demoted: no longer a monitor.
  const un3 = await monitorOf('un-d3', 'United Nations');
  const id3 = await proposed(eubam);
  await approve(un3, id3);
  await admin.client.call('updateUser', { params: { id: un3.userId }, body: { role: 'observer' } });
  assert.equal((await approve(eubam, id3)).status, 'ruling_proposed');
  assert.deepEqual(
    (await coordinator.client.call('getIncident', { params: { id: id3 } })).ruling?.notCounted.map((n) => n.reason),
    ['not_a_monitor'],
  );
});

test('what the parties see: which organisations approved and what is still needed, never which monitor', async () => {
  const un = await monitorOf('un-e', 'United Nations');
  const id = await proposed(un);
  await approve(un, id);
  const party = await signInAs(server.url, 'observer.il@truce.example');
  const seen = await party.client.call('getIncident', { params: { id } });
  assert.deepEqual(seen.ruling, {
    quorum: 2,
    missing: 1,
    reached: false,
    newBodyMissing: false,
    notCounted: [],
    approvedBy: [
      {
        organisationId: orgIds.get('United Nations')!,
        organisationName: 'United Nations',
        approvers: [{ userId: null, name: null, organisationName: 'United Nations' }],
      },
    ],
  });
  assert.doesNotMatch(JSON.stringify(seen.ruling), /Monitor un-e/);
  const team = await coordinator.client.call('getIncident', { params: { id } });
  assert.deepEqual(team.ruling?.approvedBy[0]?.approvers, [
    { userId: un.userId, name: 'Monitor un-e', organisationName: 'United Nations' },
  ]);
});

test('approvals racing: exactly one decision, made on every approval committed before it (PostgreSQL: really concurrent; PGlite serialises)', async (t) => {
  noteSerialOnPGlite(t, tdb.database.engine);
  const racers = [
    await monitorOf('un-f1', 'United Nations'),
    await monitorOf('un-f2', 'United Nations'),
    await monitorOf('eubam-f', 'EUBAM Rafah'),
    await monitorOf('carter-f', 'Carter Center'),
  ];
  const id = await proposed(racers[0]!);
  const requests = [...racers, racers[0]!];
  let settled: PromiseSettledResult<unknown>[];
  if (tdb.database.engine === 'postgres') {
    // Hold the incident's row lock from another connection until every request waits on it.
    const holder = new pg.Client({ connectionString: tdb.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from incidents where id = $1 for update', [id]);
      const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const racing = Promise.allSettled(requests.map((m, i) => approve(m, id, `racer ${i}`)));
      // Without the incident's row lock in the approval, two racers each see one approval, and
      // both (or neither) decide: the "exactly one transition" assertion below fails.
      await waitUntilBlockedBy(tdb.database.db, holderPid, requests.length);
      await holder.query('commit');
      settled = await racing;
    } finally {
      await holder.end();
    }
  } else {
    settled = await Promise.allSettled(requests.map((m, i) => approve(m, id, `racer ${i}`)));
  }
  for (const s of settled) if (s.status === 'rejected') assert.ok(status(409)(s.reason), String(s.reason));
  const events = await deps.db
    .selectFrom('incident_events')
    .select(['action', 'to_status', 'detail', 'actor_org_id'])
    .where('incident_id', '=', id)
    .orderBy('seq')
    .execute();
  const decisions = events.filter((e) => e.to_status === 'ruled');
  assert.equal(decisions.length, 1, 'exactly one transition to ruled');
  assert.equal((decisions[0]!.detail as { approvingOrganisationIds: string[] }).approvingOrganisationIds.length, 2);
  const approvals = events.filter((e) => e.action === 'approve');
  assert.equal(
    approvals.length,
    settled.filter((s) => s.status === 'fulfilled').length,
    'every accepted request wrote one approval, every refused one nothing',
  );
  assert.ok(
    settled.some((s) => s.status === 'rejected'),
    'the duplicate or a late approval was refused',
  );
  const last = events.at(-1)!;
  assert.equal(last.to_status, 'ruled', 'no approval was recorded after the decision');
  const row = await deps.db.selectFrom('incidents').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'ruled');
});
