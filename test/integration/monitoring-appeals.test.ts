/**
 * What follows a ruling (issue 13): the party it names responsible reads it and its cited
 * provision, replies (every party reads the reply) and appeals with new evidence within the
 * mission's period, once; another party cannot. An appeal reopens the incident into review with
 * its own quorum, which the bodies that approved the ruling cannot fill alone. The mission's
 * rules (quorums, whether the proposer's body counts, the period) are a logged change.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { DEMO_PASSWORD } from '../../src/demo/scenario.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let admin: SignedInClient;
let coordinator: SignedInClient;
let israel: SignedInClient;
let hamas: SignedInClient;
let un: SignedInClient;
let eu: SignedInClient;
let carter: SignedInClient;
const orgIds = new Map<string, string>();
let provisionId = '';
let slot = 0;

const status = (code: number) => (e: unknown) => e instanceof ApiError && e.status === code;

async function monitorOf(key: string, organisation: string): Promise<SignedInClient> {
  const email = `${key}@appeals.test`;
  await admin.client.call('createUser', {
    body: {
      email,
      name: `Monitor ${key}`,
      organisationId: orgIds.get(organisation)!,
      role: 'monitor',
      password: DEMO_PASSWORD,
    },
  });
  return signInAs(server.url, email);
}

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  admin = await signInAs(server.url, 'admin@truce.example');
  coordinator = await signInAs(server.url, 'coordinator@truce.example');
  israel = await signInAs(server.url, 'observer.il@truce.example');
  hamas = await signInAs(server.url, 'observer.ps@truce.example');
  await admin.client.call('createOrganisation', { body: { name: 'Carter Center', kind: 'ngo' } });
  for (const o of (await admin.client.call('listOrganisations', {})).items) orgIds.set(o.name, o.id);
  un = await monitorOf('un', 'United Nations');
  eu = await monitorOf('eu', 'EUBAM Rafah');
  carter = await monitorOf('carter', 'Carter Center');
  provisionId = (await coordinator.client.call('listProvisions', {})).items[0]!.id;
});
after(async () => {
  await server?.close();
  await tdb?.close();
});

/** A violation by Israel proposed by the UN monitor, then approved by the UN and EUBAM: ruled. */
async function ruled(): Promise<string> {
  slot += 1;
  const r = await un.client.call('createReport', {
    body: {
      clientId: randomUUID(),
      occurredAt: new Date(Date.now() - slot * 5 * 3600_000).toISOString(),
      location: { type: 'Point', coordinates: [34.455, 31.505] },
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      description: 'Drone strike reported near the road.',
      source: { kind: 'patrol', name: 'Patrol 4' },
    },
  });
  const id = r.incidentId;
  await deps.db.updateTable('incidents').set({ status: 'investigating' }).where('id', '=', id).execute();
  await un.client.call('transitionIncident', {
    params: { id },
    body: {
      to: 'ruling_proposed',
      rationale: 'fragments of a guided munition',
      outcome: 'violation',
      provisionId,
      responsiblePartyId: orgIds.get('Israel')!,
    },
  });
  await review(un, id, 'approve');
  const done = await review(eu, id, 'approve');
  assert.equal(done.status, 'ruled');
  return id;
}

const review = (who: SignedInClient, id: string, decision: 'approve' | 'contest') =>
  who.client.call('reviewRuling', { params: { id }, body: { decision, note: decision === 'contest' ? 'no' : '' } });
const appeal = (who: SignedInClient, id: string) =>
  who.client.call('appealRuling', {
    params: { id },
    body: { grounds: 'our unit was not there', newEvidence: 'movement logs of the unit for that night' },
  });

test('the responsible party reads the ruling and replies; every party reads the reply; another party may not appeal', async () => {
  const id = await ruled();
  const seen = await israel.client.call('getIncident', { params: { id } });
  assert.equal(seen.provisionId, provisionId);
  assert.equal(seen.responsiblePartyId, orgIds.get('Israel'));
  assert.ok(
    seen.history.some((e) => e.toStatus === 'ruling_proposed' && e.rationale === 'fragments of a guided munition'),
  );
  assert.deepEqual([seen.abilities?.reply, seen.abilities?.appeal], [true, true]);
  assert.equal(seen.appeal?.open, true);
  const other = await hamas.client.call('getIncident', { params: { id } });
  assert.deepEqual([other.abilities?.reply, other.abilities?.appeal], [false, false]);

  await assert.rejects(appeal(hamas, id), status(403));
  await assert.rejects(hamas.client.call('replyToRuling', { params: { id }, body: { text: 'we agree' } }), status(403));
  await assert.rejects(appeal(coordinator, id), status(403), 'the mission does not appeal for a party');

  await israel.client.call('replyToRuling', { params: { id }, body: { text: 'We dispute the finding.' } });
  for (const reader of [hamas, israel, coordinator, un]) {
    const d = await reader.client.call('getIncident', { params: { id } });
    const reply = d.history.find((e) => e.action === 'reply');
    assert.equal(reply?.rationale, 'We dispute the finding.');
    assert.equal(reply?.actorOrganisationId, orgIds.get('Israel'));
    assert.equal(d.status, 'ruled', 'a reply changes nothing of the ruling');
  }
});

test('an appeal reopens the ruling under its own quorum, which the original approvers cannot fill alone', async () => {
  const id = await ruled();
  const appealed = await appeal(israel, id);
  assert.equal(appealed.status, 'appealed');
  assert.equal(appealed.abilities?.appeal, false);
  const filed = appealed.history.find((e) => e.action === 'appeal');
  assert.equal(filed?.newEvidence, 'movement logs of the unit for that night');
  assert.deepEqual(
    [...(appealed.appeal?.originalOrganisationIds ?? [])].sort(),
    [orgIds.get('European Union')!, orgIds.get('United Nations')!].sort(),
  );

  await review(un, id, 'approve');
  const same = await review(eu, id, 'approve');
  assert.equal(same.status, 'appealed', 'the approvers of the ruling alone do not decide its appeal');
  assert.equal(same.appeal?.stands?.newBodyMissing, true);
  assert.equal(same.appeal?.stands?.reached, false);
  assert.equal(same.appeal?.stands?.missing, 1);

  const decided = await review(carter, id, 'approve');
  assert.equal(decided.status, 'ruled');
  assert.equal(decided.outcome, 'violation');
  assert.equal(decided.provisionId, provisionId);
  await assert.rejects(appeal(israel, id), status(409), 'one appeal per ruling');
  await assert.rejects(
    un.client.call('transitionIncident', { params: { id }, body: { to: 'appealed', rationale: 'x' } }),
    status(409),
    'no monitor moves an incident into appeal',
  );
});

test('an appeal set aside by its quorum sends the incident back to investigation', async () => {
  const id = await ruled();
  await appeal(israel, id);
  await review(carter, id, 'contest');
  const back = await review(un, id, 'contest');
  assert.equal(back.status, 'investigating');
  assert.equal(back.outcome, null);
});

test('an appeal after the period is refused; the rules are the mission’s, set as a logged change', async () => {
  const rules = await israel.client.call('getMonitoringRules', {});
  assert.deepEqual([rules.appealDays, rules.appealQuorum, rules.proposerCounts, rules.version], [14, 2, true, 0]);
  await assert.rejects(
    israel.client.call('setMonitoringRules', {
      body: { rulingQuorum: 2, appealQuorum: 2, proposerCounts: true, appealDays: 3 },
    }),
    status(403),
  );
  const set = await coordinator.client.call('setMonitoringRules', {
    body: { rulingQuorum: 2, appealQuorum: 2, proposerCounts: true, appealDays: 3, version: 0 },
  });
  assert.equal(set.version, 1);

  const id = await ruled();
  // The ruling was made four days ago: past the three-day period.
  await deps.db
    .updateTable('incident_events')
    .set({ at: new Date(Date.now() - 4 * 86_400_000) })
    .where('incident_id', '=', id)
    .where('to_status', '=', 'ruled')
    .execute();
  const late = await israel.client.call('getIncident', { params: { id } });
  assert.equal(late.appeal?.open, false);
  assert.equal(late.abilities?.appeal, false);
  await assert.rejects(
    appeal(israel, id),
    (e: unknown) => e instanceof ApiError && e.status === 409 && /period ended/.test(e.message),
  );
  // A reply is still open after the period.
  await israel.client.call('replyToRuling', { params: { id }, body: { text: 'Noted.' } });
  await coordinator.client.call('setMonitoringRules', {
    body: { rulingQuorum: 2, appealQuorum: 2, proposerCounts: true, appealDays: 14, version: 1 },
  });
});

test('when the rules say so, the proposer’s body does not count for its own proposal', async () => {
  const before = await coordinator.client.call('getMonitoringRules', {});
  await coordinator.client.call('setMonitoringRules', {
    body: { rulingQuorum: 2, appealQuorum: 2, proposerCounts: false, appealDays: 14, version: before.version },
  });
  slot += 1;
  const r = await un.client.call('createReport', {
    body: {
      clientId: randomUUID(),
      occurredAt: new Date(Date.now() - slot * 5 * 3600_000).toISOString(),
      location: { type: 'Point', coordinates: [34.455, 31.505] },
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      description: 'Drone strike.',
      source: { kind: 'patrol', name: 'Patrol 4' },
    },
  });
  const id = r.incidentId;
  await deps.db.updateTable('incidents').set({ status: 'investigating' }).where('id', '=', id).execute();
  await un.client.call('transitionIncident', {
    params: { id },
    body: { to: 'ruling_proposed', rationale: 'craters', outcome: 'insufficient_evidence' },
  });
  await review(un, id, 'approve');
  const two = await review(eu, id, 'approve');
  assert.equal(two.status, 'ruling_proposed');
  assert.deepEqual(
    two.ruling?.notCounted.map((n) => n.reason),
    ['proposer_organisation'],
  );
  assert.equal((await review(carter, id, 'approve')).status, 'ruled');
  await coordinator.client.call('setMonitoringRules', {
    body: { rulingQuorum: 2, appealQuorum: 2, proposerCounts: true, appealDays: 14, version: before.version + 1 },
  });
});

test('a published ruling under appeal still counts against its provision, and stays published when it stands', async () => {
  const id = await ruled();
  const published = await coordinator.client.call('transitionIncident', {
    params: { id },
    body: { to: 'published', rationale: 'released to the parties' },
  });
  assert.equal(published.status, 'published');
  await appeal(israel, id);
  const cited = async () =>
    (await coordinator.client.call('getProvision', { params: { id: provisionId } })).violations.some(
      (v) => v.id === id,
    );
  assert.equal(await cited(), true, 'an appeal does not hide the violation while it is decided');
  await review(carter, id, 'approve');
  const decided = await review(un, id, 'approve');
  assert.equal(decided.status, 'published', 'a ruling that stands is not unpublished by its appeal');
  assert.equal(await cited(), true);
});
