/**
 * Issue 10, finding 9: the force's plan is not open to the parties. On the demo plan, an observer
 * of either side learns no strength, caveat or vacuum of mission-only records, through the API,
 * the CSV export, the live stream or the sitrep; the withdrawing party sees its own milestones
 * and who takes over, when; a coordinator raises and lowers levels (each change logged); a party
 * cannot; and the public log carries no strength or caveat at all.
 * Finding 10 (part): a liaison cannot date its own declarations back to 1970.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { openEventStream } from '../support/sse.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ApiError, type ApiClient } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';
import { loadOrCreateLogKey, type LogKey } from '../../src/log/keys.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { mountLog } from '../../src/api/log-routes.ts';
import { verifyLog } from '../../src/log/verify-log.ts';
import { dbSource } from '../../src/log/db-source.ts';
import { decodeLeaf } from '../../src/log/leaf.ts';
import { DECLARATION_BACKDATE_DAYS } from '../../src/domain/policy/force.ts';

let tdb: TestDatabase;
let deps: Deps;
let key: LogKey;
let server: TestServer;
let coordinator: ApiClient;
let sectors: Map<string, string>;
const ORIGIN = 'truce.test/releasability';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

before(async () => {
  tdb = await openTestDatabase();
  key = await loadOrCreateLogKey(tdb.database.db, ORIGIN, new Date());
  const sequencer = new Sequencer(tdb.database.db, key, ORIGIN, systemClock, silentLogger);
  await sequencer.init();
  deps = testDeps(tdb.database, systemClock, sequencer);
  await seedDemo(deps);
  await sequencer.integrateOnce();
  server = await startTestServer(deps, (a) => mountLog(a, tdb.database.db, key.verifierKey));
  coordinator = (await signInAs(server.url, 'coordinator@truce.example')).client;
  sectors = new Map((await coordinator.call('listSectors', {})).items.map((s) => [s.name, s.id]));
});
after(async () => {
  await server.close();
  await deps.events.close();
  await tdb.close();
});

const rejects = (p: Promise<unknown>, status: number) => assert.rejects(p, (e: ApiError) => e.status === status);

/** Values the demo keeps within the mission: caveats, and strengths that appear nowhere else. */
const CAVEATS = ['no crowd control', 'Wadi Gaza', 'EUBAM Rafah mandate runs', 'Only if an international force'];

async function text(url: string, cookie: string): Promise<string> {
  const res = await fetch(url, { headers: { cookie } });
  assert.equal(res.status, 200, url);
  return res.text();
}

for (const email of ['observer.il@truce.example', 'observer.ps@truce.example']) {
  test(`${email} sees no strength, caveat or vacuum of mission-only records (API, CSV, sitrep)`, async () => {
    const { client, cookie } = await signInAs(server.url, email);
    const contributions = (await client.call('listContributions', {})).items;
    assert.ok(contributions.length >= 10, 'who offers what stays public');
    for (const c of contributions) {
      assert.equal(c.caveats, null, `${c.organisationName}: caveats withheld`);
      assert.equal(c.quantity, null, `${c.organisationName}: quantity withheld`);
      assert.deepEqual(c.restricted, ['quantity', 'caveats', 'expectedArrival', 'note']);
    }
    const deployments = (await client.call('listDeployments', {})).items;
    for (const d of deployments) assert.deepEqual([d.strength, d.to, d.note], [null, null, null]);
    const check = await client.call('checkHandover', { query: YEAR });
    assert.deepEqual(check.findings, [], 'no vacuum, understrength or overcommitment');
    const gap = await client.call('getForceGap', { query: { on: '2026-09-15' } });
    assert.deepEqual(gap.total, { required: 0, deployed: 0, confirmed: 0, pledged: 0, interest: 0, gap: 0 });
    assert.ok(
      gap.bySector.every((s) => s.required === 0 && s.deployed === 0 && s.pledged === 0),
      'no sector strength',
    );
    const series = await client.call('getForceGapSeries', { query: { from: '2026-04-25', to: '2026-05-05' } });
    assert.ok(
      series.points.every((p) => p.deployed === 0 && p.required === 0 && p.gap === 0),
      'the series tells nothing either',
    );
    const csv = await text(`${server.url}/api/force/gap.csv?on=2026-09-15`, cookie);
    for (const line of csv.trim().split('\r\n').slice(2))
      assert.match(line, /^2026-09-15,\w+,[a-z_]*,[^,]*(,0){6}$/, line);
    const sitrep = await client.call('getSitrep', { query: { date: '2026-05-15' } });
    assert.deepEqual(
      [sitrep.force.required, sitrep.force.deployed, sitrep.force.pledged, sitrep.handover.length],
      [0, 0, 0, 0],
    );
    assert.equal(sitrep.releasedTo, 'public');
    const md = await text(`${server.url}/api/sitrep.md?date=2026-05-15`, cookie);
    assert.match(md, /No finding released to you/);
    assert.doesNotMatch(md, /vacuum/);
    const everything = JSON.stringify({ contributions, deployments, check, gap, series, sitrep }) + csv + md;
    for (const caveat of CAVEATS) assert.ok(!everything.includes(caveat), `${caveat} leaked`);
    assert.ok(
      !/\b(20000|1500|3000|2000)\b/.test(everything.replace(/20\d\d-\d\d-\d\d/g, '')),
      'no demo strength appears',
    );
  });
}

test('the coordinator and the monitors see the whole plan', async () => {
  const monitor = (await signInAs(server.url, 'monitor.un@truce.example')).client;
  for (const client of [coordinator, monitor]) {
    const contributions = (await client.call('listContributions', {})).items;
    assert.ok(contributions.some((c) => c.caveats?.includes('no crowd control')));
    const check = await client.call('checkHandover', { query: YEAR });
    assert.ok(
      check.findings.some((f) => f.kind === 'vacuum' && f.sectorName === 'North Gaza'),
      'the North Gaza vacuum from May',
    );
  }
});

test('the withdrawing party sees its own milestones, when the force takes over and which unit; the other side sees neither', async () => {
  const israel = (await signInAs(server.url, 'observer.il@truce.example')).client;
  const hamas = (await signInAs(server.url, 'observer.ps@truce.example')).client;
  const milestones = (await israel.call('listMilestones', {})).items;
  assert.equal(milestones.length, 5, 'the five withdrawals of the plan');
  const rafah = milestones.find((m) => m.sectorId === sectors.get('Rafah'))!;
  assert.equal(rafah.at, '2026-07-01');
  const deployments = (await israel.call('listDeployments', {})).items;
  const takeover = deployments.find((d) => d.sectorId === sectors.get('Rafah'))!;
  assert.equal(takeover.from, '2026-07-15', 'the day the receiving unit takes over');
  const contributions = (await israel.call('listContributions', {})).items;
  const unit = contributions.find((c) => c.id === takeover.contributionId)!;
  assert.deepEqual([unit.organisationName, unit.capability], ['Indonesia', 'infantry'], 'the receiving unit');
  assert.deepEqual([takeover.strength, takeover.to], [null, null], 'but not its strength, nor when it leaves');
  assert.deepEqual((await hamas.call('listMilestones', {})).items, [], 'not the party concerned');
  assert.deepEqual((await hamas.call('listDeployments', {})).items, []);
  assert.deepEqual((await hamas.call('listRequirements', {})).items, [], 'requirements go to contributors');
});

test('a coordinator lowers and raises a level, each change logged; a party or a liaison cannot', async () => {
  const israel = (await signInAs(server.url, 'observer.il@truce.example')).client;
  const all = (await coordinator.call('listDeployments', {})).items;
  const north = all.find((d) => d.sectorId === sectors.get('North Gaza'))!;
  const liaison = (await signInAs(server.url, 'liaison.id@truce.example')).client;
  const admin = (await signInAs(server.url, 'admin@truce.example')).client;
  for (const who of [israel, liaison, admin]) {
    await rejects(
      who.call('setReleasability', {
        params: { kind: 'deployment', id: north.id },
        body: { releasability: 'public', detailReleasability: 'public' },
      }),
      403,
    );
  }
  await rejects(
    liaison.call('createContribution', {
      body: {
        organisationId: (await liaison.call('listOrganisations', {})).items.find((o) => o.name === 'Indonesia')!.id,
        kind: 'forces',
        capability: 'medical',
        unit: 'personnel',
        detailReleasability: 'public',
      },
    }),
    403,
  );
  assert.equal(
    (await coordinator.call('listDeployments', {})).items.find((d) => d.id === north.id)!.version,
    north.version,
    'nothing changed',
  );
  await rejects(
    coordinator.call('setReleasability', {
      params: { kind: 'deployment', id: north.id },
      body: { releasability: 'mission', detailReleasability: 'public' },
    }),
    400,
  );

  const lowered = await coordinator.call('setReleasability', {
    params: { kind: 'deployment', id: north.id },
    body: { releasability: 'party', detailReleasability: 'party', version: north.version },
  });
  assert.equal(lowered.version, north.version + 1);
  const seen = (await israel.call('listDeployments', {})).items.find((d) => d.id === north.id)!;
  assert.deepEqual([seen.strength, seen.to], [800, '2026-04-30'], 'released to the party concerned');
  const vacuum = (await israel.call('checkHandover', { query: YEAR })).findings;
  assert.ok(
    !vacuum.some((f) => f.sectorName === 'North Gaza'),
    'still no finding: other North Gaza records stay mission-only',
  );

  const raised = await coordinator.call('setReleasability', {
    params: { kind: 'deployment', id: north.id },
    body: { releasability: 'mission', detailReleasability: 'mission' },
  });
  assert.ok(
    !(await israel.call('listDeployments', {})).items.some((d) => d.id === north.id),
    'gone from the party again',
  );
  await rejects(
    coordinator.call('setReleasability', {
      params: { kind: 'deployment', id: north.id },
      body: { releasability: 'public', version: north.version },
    }),
    409,
  );

  const changes = await tdb.database.db
    .selectFrom('record_changes')
    .select(['version', 'op', 'actor_user_id'])
    .where('record_id', '=', north.id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    changes.map((c) => [c.version, c.op]),
    [
      [1, 'create'],
      [2, 'permission'],
      [3, 'permission'],
    ],
  );
  assert.equal(raised.version, 3);
  assert.ok(
    changes.slice(1).every((c) => c.actor_user_id !== null),
    'who changed it is recorded',
  );
});

test('a live stream tells a party that the plan changed, never what', async () => {
  const { cookie } = await signInAs(server.url, 'observer.ps@truce.example');
  const stream = await openEventStream(`${server.url}/api/handover/events`, { cookie });
  try {
    await stream.until(/event: ready/);
    const egypt = (await coordinator.call('listContributions', {})).items.find(
      (c) => c.organisationName === 'Egypt' && c.capability === 'infantry',
    )!;
    const d = await coordinator.call('createDeployment', {
      body: {
        contributionId: egypt.id,
        sectorId: sectors.get('North Gaza')!,
        from: '2026-05-01',
        strength: 777,
        note: 'no crowd control here',
      },
    });
    await stream.until(new RegExp(d.id));
    const payloads = stream
      .text()
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => JSON.parse(l.slice(5)) as Record<string, unknown>);
    for (const p of payloads)
      assert.ok(
        Object.keys(p).every((k) => ['topic', 'id', 'at'].includes(k)),
        JSON.stringify(p),
      );
    assert.ok(!/777|crowd control|2026-05-01/.test(stream.text()));
  } finally {
    stream.close();
  }
});

test('decoded public log leaves of force and handover kinds carry no strength, caveat or day', async () => {
  await (deps.log as Sequencer).integrateOnce();
  const { entries } = await verifyLog(dbSource(tdb.database.db), key.verifierKey);
  const kinds = new Set<string>([
    'contribution',
    'contribution_transition',
    'sector_requirement',
    'handover_milestone',
    'deployment',
  ]);
  const leaves = entries.map((e) => decodeLeaf(e)).filter((l) => kinds.has(l.kind));
  assert.ok(leaves.length > 60, `${leaves.length} leaves`);
  for (const leaf of leaves) {
    const keys = Object.keys(leaf.public);
    assert.ok(
      keys.every((k) => ['releasability', 'detailReleasability', 'contributionId'].includes(k)),
      `${leaf.kind}: ${keys.join(', ')}`,
    );
    const text = JSON.stringify(leaf.public);
    for (const caveat of CAVEATS) assert.ok(!text.includes(caveat));
    for (const field of ['strength', 'quantity', 'caveats', 'at', 'from', 'to'])
      assert.ok(!(field in leaf.public), `${leaf.kind}.${field}`);
  }
  const deployment = leaves.find((l) => l.kind === 'deployment')!;
  assert.match(
    deployment.commitments.strength ?? '',
    /^[0-9a-f]{64}$/,
    'committed, so a later release can be checked against it',
  );
});

test('a liaison cannot backdate its own declarations; the mission records history', async () => {
  const liaison = (await signInAs(server.url, 'liaison.id@truce.example')).client;
  const indonesia = (await liaison.call('listOrganisations', {})).items.find((o) => o.name === 'Indonesia')!.id;
  const offer = {
    organisationId: indonesia,
    kind: 'forces',
    capability: 'logistics',
    quantity: 60,
    unit: 'personnel',
    status: 'interest',
  } as const;
  await rejects(liaison.call('createContribution', { body: { ...offer, statusSince: '1970-01-01' } }), 400);
  const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
  await rejects(
    liaison.call('createContribution', { body: { ...offer, statusSince: day(DECLARATION_BACKDATE_DAYS + 2) } }),
    400,
  );
  const own = await liaison.call('createContribution', { body: offer });
  await rejects(
    liaison.call('transitionContribution', {
      params: { id: own.id },
      body: { to: 'pledged', reason: 'firm', effectiveOn: '1970-01-01' },
    }),
    400,
  );
  assert.equal(
    (await liaison.call('listContributionTransitions', { params: { id: own.id } })).items.length,
    0,
    'nothing written',
  );
  const moved = await liaison.call('transitionContribution', {
    params: { id: own.id },
    body: { to: 'pledged', reason: 'firm', effectiveOn: day(0) },
  });
  assert.equal(moved.status, 'pledged');
  assert.equal(moved.caveats, '', 'its own organisation reads its own figures');
  const spain = (await coordinator.call('listOrganisations', {})).items.find((o) => o.name === 'Spain')!.id;
  const history = await coordinator.call('createContribution', {
    body: { ...offer, organisationId: spain, statusSince: '2025-10-09' },
  });
  assert.equal(history.status, 'interest', 'the mission records history');
});

test("requirements released to contributors reach a contributor's liaison, not a humanitarian organisation's", async () => {
  const required = (await coordinator.call('listRequirements', {})).items.filter(
    (r) => r.releasability === 'contributors',
  );
  assert.ok(required.length > 0, 'the demo releases requirements to contributors');
  const indonesia = (await signInAs(server.url, 'liaison.id@truce.example')).client;
  const icrc = (await signInAs(server.url, 'liaison.icrc@truce.example')).client;
  const seenBy = async (c: ApiClient) => new Set((await c.call('listRequirements', {})).items.map((r) => r.id));
  const contributor = await seenBy(indonesia);
  for (const r of required)
    assert.ok(contributor.has(r.id), 'a contributing state reads what is released to contributors');
  const humanitarian = await seenBy(icrc);
  for (const r of required)
    assert.ok(!humanitarian.has(r.id), 'the ICRC contributes nothing and reads what the public reads');
  const [forIcrc, forIndonesia] = await Promise.all(
    [icrc, indonesia].map((c) => c.call('getForceGap', { query: { on: '2026-06-01' } })),
  );
  assert.equal(forIcrc!.total.required, 0, 'no required strength is computed from requirements the ICRC may not read');
  assert.ok(forIndonesia!.total.required > 0);
});
