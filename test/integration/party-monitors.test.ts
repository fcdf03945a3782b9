/**
 * A monitor account of a party's organisation (docs/security.md expects them: "the monitors of
 * parties and states"), attacked the way the security review found it (issue 10, trust at the
 * seams): closing an incident against its side before a ruling is proposed or after an honest
 * monitor contested one, recording deliveries that turn its own obligation fulfilled, and reading
 * exact points and source names. The rule: the workflow's decisions belong to monitors of
 * impartial bodies; nobody records, scores or settles its own obligation; a party's monitor sees
 * what the party's observer sees. Also a monitor of a mission under a party and under a state,
 * and a coordinator whose organisation sits under a party.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { makeContribution, makeOrganisation, makeProvision, makeSector, makeSignedIn } from '../support/factories.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;

let partyId: string;
/** Two impartial monitors of two bodies (a ruling needs two), and the accounts under test. */
let un: SignedInClient;
let eu: SignedInClient;
let observer: SignedInClient;
let coordinator: SignedInClient;
let partyMonitor: SignedInClient;
let underPartyMonitor: SignedInClient;
let underStateMonitor: SignedInClient;
let underPartyCoordinator: SignedInClient;
/** The ones who must decide nothing in the workflow. */
let interested: [string, SignedInClient][];

const CENTRE: [number, number] = [33.7, 31.7];
let slot = 0;

const refused = (code: number, detail?: RegExp) => (e: unknown) =>
  e instanceof ApiError && e.status === code && (detail === undefined || detail.test(e.problem.detail ?? ''));

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  server = await startTestServer(deps);
  await makeSector(deps, { centre: CENTRE, size: 0.4 });
  partyId = (await makeOrganisation(deps, { kind: 'party' })).id;
  const state = await makeOrganisation(deps, { kind: 'state' });
  const partyMission = await makeOrganisation(deps, { kind: 'mission', parentId: partyId });
  const stateMission = await makeOrganisation(deps, { kind: 'mission', parentId: state.id });
  const eubam = await makeOrganisation(deps, {
    kind: 'mission',
    parentId: (await makeOrganisation(deps, { kind: 'international_organisation' })).id,
  });
  un = await makeSignedIn(deps, server.url, 'monitor');
  eu = await makeSignedIn(deps, server.url, 'monitor', { organisationId: eubam.id });
  observer = await makeSignedIn(deps, server.url, 'observer', { organisationId: partyId });
  coordinator = await makeSignedIn(deps, server.url, 'coordinator');
  // As the review did it: the admin creates a monitor of the party's organisation through the API.
  const admin = await makeSignedIn(deps, server.url, 'admin');
  const made = await admin.client.call('createUser', {
    body: {
      email: 'monitor.party@trust.test',
      name: "A party's monitor",
      organisationId: partyId,
      role: 'monitor',
      password: 'correct horse battery',
    },
  });
  assert.equal(made.role, 'monitor');
  partyMonitor = await signInAs(server.url, 'monitor.party@trust.test', 'correct horse battery');
  underPartyMonitor = await makeSignedIn(deps, server.url, 'monitor', { organisationId: partyMission.id });
  underStateMonitor = await makeSignedIn(deps, server.url, 'monitor', { organisationId: stateMission.id });
  underPartyCoordinator = await makeSignedIn(deps, server.url, 'coordinator', { organisationId: partyMission.id });
  interested = [
    ["the party's monitor", partyMonitor],
    ['a monitor of a mission under the party', underPartyMonitor],
    ['a monitor of a mission under a state', underStateMonitor],
  ];
});
after(async () => {
  await server?.close();
  await tdb?.close();
});

/** A new incident from a report filed by `by`, each in its own time slot (none groups with another). */
async function incident(by: SignedInClient = un): Promise<string> {
  slot += 1;
  const r = await by.client.call('createReport', {
    body: {
      clientId: crypto.randomUUID(),
      occurredAt: new Date(Date.now() - slot * 5 * 3600_000).toISOString(),
      location: { type: 'Point', coordinates: [CENTRE[0] + 0.0123, CENTRE[1] + 0.0177] },
      eventType: 'Explosions/Remote violence',
      subEventType: 'Shelling/artillery/missile attack',
      description: 'Shelling heard from the school.',
      source: { kind: 'public', name: 'Headmaster' },
    },
  });
  return r.incidentId;
}

async function move(by: SignedInClient, id: string, to: 'preliminary' | 'investigating' | 'closed'): Promise<void> {
  await by.client.call('transitionIncident', { params: { id }, body: { to, rationale: `to ${to}` } });
}

const statusOf = async (id: string) => (await un.client.call('getIncident', { params: { id } })).status;

test("a party's monitor files reports, but closes nothing: not alleged, not under investigation, not after a contest", async () => {
  for (const [who, m] of interested) {
    // Filing stays open to them (their reports feed the record like anyone's).
    const own = await incident(m);
    assert.equal(await statusOf(own), 'alleged', `${who} files a report`);
    await assert.rejects(
      move(m, own, 'closed'),
      refused(403, /impartial monitoring body/),
      `${who}: own report's incident`,
    );

    const alleged = await incident();
    await assert.rejects(move(m, alleged, 'closed'), refused(403), `${who}: alleged`);
    await assert.rejects(move(m, alleged, 'preliminary'), refused(403), `${who}: alleged -> preliminary`);
    assert.equal(await statusOf(alleged), 'alleged');

    const investigating = await incident();
    await move(un, investigating, 'preliminary');
    await move(un, investigating, 'investigating');
    await assert.rejects(move(m, investigating, 'closed'), refused(403), `${who}: investigating`);
    assert.equal(await statusOf(investigating), 'investigating');

    // An honest monitor contests a proposal: it is back under investigation, and still not the party's to close.
    await un.client.call('transitionIncident', {
      params: { id: investigating },
      body: { to: 'ruling_proposed', rationale: 'looks like a breach', outcome: 'no_violation' },
    });
    await assert.rejects(
      m.client.call('reviewRuling', { params: { id: investigating }, body: { decision: 'contest', note: 'no' } }),
      refused(403),
    );
    await eu.client.call('reviewRuling', {
      params: { id: investigating },
      body: { decision: 'contest', note: 'see B' },
    });
    assert.equal(await statusOf(investigating), 'investigating');
    await assert.rejects(move(m, investigating, 'closed'), refused(403), `${who}: after a contest`);
    assert.equal(await statusOf(investigating), 'investigating');

    // Nor assign, take, merge or split.
    const self = (await m.client.call('getSession', {})).user.id;
    await assert.rejects(
      m.client.call('assignIncident', { params: { id: alleged }, body: { assigneeUserId: self } }),
      refused(403),
      `${who}: take`,
    );
    await assert.rejects(
      m.client.call('mergeIncidents', { params: { id: alleged }, body: { incidentIds: [own], rationale: 'same' } }),
      refused(403),
      `${who}: merge`,
    );
    const view = await un.client.call('getIncident', { params: { id: alleged } });
    await assert.rejects(
      m.client.call('splitIncident', {
        params: { id: alleged },
        body: { reportIds: [view.reports[0]!.id], rationale: 'apart' },
      }),
      refused(403),
      `${who}: split`,
    );
    // A coordinator cannot hand them an incident to work either.
    await assert.rejects(
      coordinator.client.call('assignIncident', { params: { id: alleged }, body: { assigneeUserId: self } }),
      refused(400),
      `${who}: assigned by a coordinator`,
    );

    // What the UI is told: nothing to do but file reports.
    const seen = await m.client.call('getIncident', { params: { id: alleged } });
    assert.deepEqual(
      seen.abilities,
      { transition: false, assign: false, review: false, merge: false, reply: false, appeal: false },
      who,
    );
    assert.equal((await m.client.call('getSession', {})).abilities?.fileReport, true, who);
  }

  // The control: an impartial body's monitor still does all of it.
  const id = await incident();
  assert.deepEqual((await eu.client.call('getIncident', { params: { id } })).abilities, {
    transition: true,
    assign: true,
    // Reviewing applies only to a proposed or appealed ruling (the workflow table), not to an alleged incident.
    review: false,
    merge: true,
    reply: false,
    appeal: false,
  });
  await move(eu, id, 'closed');
  assert.equal(await statusOf(id), 'closed');
});

test("a party's monitor sees what the party's observer sees: coarse points, no sources, no withheld force figures", async () => {
  const id = await incident();
  const exact = await un.client.call('getIncident', { params: { id } });
  assert.equal(exact.reports[0]?.source?.name, 'Headmaster', 'an impartial monitor sees the source');

  const asObserver = await observer.client.call('getIncident', { params: { id } });
  assert.equal(asObserver.reports[0]?.source?.name ?? null, null, 'the observer does not');
  assert.notDeepEqual(asObserver.location, exact.location, 'the observer sees the coarse point');
  assert.deepEqual(await partyMonitor.client.call('getIncident', { params: { id } }), asObserver);

  const list = async (c: SignedInClient) => (await c.client.call('listIncidents', { query: {} })).items;
  assert.deepEqual(await list(partyMonitor), await list(observer));
  const bbox = { bbox: `${CENTRE[0] - 0.2},${CENTRE[1] - 0.2},${CENTRE[0] + 0.2},${CENTRE[1] + 0.2}`, zoom: 14 };
  const clusters = async (c: SignedInClient) => c.client.call('incidentClusters', { query: bbox });
  assert.deepEqual(await clusters(partyMonitor), await clusters(observer));

  for (const [who, m] of interested) {
    const seen = await m.client.call('getIncident', { params: { id } });
    assert.deepEqual(seen.location, asObserver.location, `${who}: coarse`);
    assert.equal(seen.reports[0]?.source?.name ?? null, null, `${who}: no source`);
  }

  // The force's plan: a contribution's figures are mission-only by default.
  await makeContribution(deps, null);
  const plan = async (c: SignedInClient) => (await c.client.call('listContributions', { query: {} })).items;
  assert.deepEqual(await plan(partyMonitor), await plan(observer));
  assert.notDeepEqual(await plan(un), await plan(observer), 'an impartial monitor reads the figures');
});

test('nobody records deliveries on, scores or settles a provision its organisation (or one above it) is obligated by', async () => {
  const provision = await makeProvision(deps, null, {
    partyIds: [partyId],
    measure: { kind: 'count', target: 20, unit: 'persons' },
  });
  const id = provision.id;
  const delivery = { count: 9_000_000, occurredAt: new Date().toISOString(), verifier: 'Ourselves' };
  const read = (c: SignedInClient) => c.client.call('getProvision', { params: { id } });
  const before = await read(coordinator);

  for (const [who, c] of [
    ["the party's monitor", partyMonitor],
    ['a monitor of a mission under the party', underPartyMonitor],
    ['a monitor of a mission under a state', underStateMonitor],
    ['a coordinator of a mission under the party', underPartyCoordinator],
  ] as const) {
    await assert.rejects(c.client.call('createDelivery', { params: { id }, body: delivery }), refused(403), who);
    assert.equal((await read(c)).abilities?.deliver, false, `${who}: the UI hides it`);
  }
  await assert.rejects(
    partyMonitor.client.call('createDelivery', { params: { id }, body: delivery }),
    refused(403, /impartial/),
  );
  await assert.rejects(
    underPartyCoordinator.client.call('createDelivery', { params: { id }, body: delivery }),
    refused(403, /obligated/),
  );
  const after = await read(coordinator);
  assert.equal(after.status, before.status, 'the count-measured provision is not fulfilled');
  assert.equal(after.delivered, 0);
  assert.equal(after.deliveries.length, 0);

  // Scoring and settling a dispute: not by the party's coordinator either.
  const score = { score: 3, evidence: 'our own report', rationale: 'we did it all' };
  await assert.rejects(
    underPartyCoordinator.client.call('createAssessment', { params: { id }, body: score }),
    refused(403, /obligated/),
  );
  const dispute = await observer.client.call('createDispute', { params: { id }, body: { reason: 'we delivered' } });
  const settle = { outcome: 'upheld' as const, resolution: 'they are right' };
  await assert.rejects(
    underPartyCoordinator.client.call('resolveDispute', { params: { id: dispute.id }, body: settle }),
    refused(403, /obligated/),
  );
  const mine = (await read(underPartyCoordinator)).abilities;
  assert.deepEqual(mine, { deliver: false, dispute: true, assess: false, resolve: false });
  assert.equal((await read(coordinator)).disputes.find((d) => d.id === dispute.id)?.status, 'open');

  // The control: the mission's coordinator and an impartial monitor act as before.
  assert.deepEqual((await read(coordinator)).abilities, { deliver: true, dispute: true, assess: true, resolve: true });
  assert.equal((await read(un)).abilities?.deliver, true);
  await un.client.call('createDelivery', { params: { id }, body: { ...delivery, count: 20, verifier: 'UN' } });
  await coordinator.client.call('createAssessment', { params: { id }, body: { ...score, rationale: 'verified' } });
  await coordinator.client.call('resolveDispute', { params: { id: dispute.id }, body: settle });
  assert.equal((await read(coordinator)).delivered, 20);
});

test('a liaison of the intermediary records deliveries, unless the intermediary sits under an obligated party', async () => {
  const partyAgency = await makeOrganisation(deps, { kind: 'ngo', parentId: partyId });
  const neutral = await makeOrganisation(deps, { kind: 'international_organisation' });
  const delivery = { count: 1, occurredAt: new Date().toISOString(), verifier: 'Field team' };
  const viaParty = await makeProvision(deps, null, { partyIds: [partyId], intermediaryOrgId: partyAgency.id });
  const viaNeutral = await makeProvision(deps, null, { partyIds: [partyId], intermediaryOrgId: neutral.id });
  const ofParty = await makeSignedIn(deps, server.url, 'liaison', { organisationId: partyAgency.id });
  const ofNeutral = await makeSignedIn(deps, server.url, 'liaison', { organisationId: neutral.id });
  await assert.rejects(
    ofParty.client.call('createDelivery', { params: { id: viaParty.id }, body: delivery }),
    refused(403, /obligated/),
  );
  assert.equal((await ofParty.client.call('getProvision', { params: { id: viaParty.id } })).abilities?.deliver, false);
  await ofNeutral.client.call('createDelivery', { params: { id: viaNeutral.id }, body: delivery });
});
