/**
 * The phased handover through the real API on a real database: the demo plan's findings (one of
 * each kind), milestones and deployments changing them, the line difference in km², and a
 * refused write changing nothing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { openEventStream } from '../support/sse.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ApiError, type ApiClient } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let coordinator: ApiClient;
let sectors: Map<string, string>;
const events: string[] = [];

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  deps.events.subscribe((e) => events.push(`${e.topic}:${e.id}`));
  await seedDemo(deps);
  server = await startTestServer(deps);
  coordinator = (await signInAs(server.url, 'coordinator@truce.example')).client;
  sectors = new Map((await coordinator.call('listSectors', {})).items.map((s) => [s.name, s.id]));
});
after(async () => {
  await server.close();
  await deps.events.close();
  await tdb.close();
});

const rejects = (p: Promise<unknown>, status: number) => assert.rejects(p, (e: ApiError) => e.status === status);
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const brief = (findings: { sectorName: string; kind: string; from: string; to: string }[]) =>
  findings.map((f) => [f.sectorName, f.kind, f.from, f.to]);

test('the demo plan shows every kind of finding, with its figures', async () => {
  const check = await coordinator.call('checkHandover', { query: YEAR });
  assert.deepEqual(brief(check.findings), [
    ['Deir Al Balah', 'overcommitted', '2026-03-01', '2026-04-30'],
    ['Gaza', 'understrength', '2026-03-01', '2026-08-31'],
    ['Gaza', 'overcommitted', '2026-03-01', '2026-04-30'],
    ['Gaza', 'understrength', '2026-09-01', '2026-12-31'],
    ['Khan Yunis', 'unconfirmed', '2026-05-01', '2026-12-31'],
    // Issue 12: Italy's engineers, planned in while their admission awaits Israel's answer.
    ['Khan Yunis', 'unconsented', '2026-06-01', '2026-12-31'],
    ['North Gaza', 'overcommitted', '2026-03-01', '2026-04-30'],
    ['North Gaza', 'vacuum', '2026-05-01', '2026-12-31'],
    ['Rafah', 'vacuum', '2026-07-01', '2026-07-14'],
    ['Rafah', 'understrength', '2026-07-15', '2026-12-31'],
    ['Rafah', 'unconfirmed', '2026-07-15', '2026-12-31'],
  ]);
  const gaza = check.findings.filter((f) => f.sectorName === 'Gaza');
  assert.deepEqual(
    [gaza[0]!.strength, gaza[0]!.required],
    [790, 1790],
    'the FPU rotation on 1 August leaves strength unchanged',
  );
  assert.deepEqual([gaza[1]!.assigned, gaza[1]!.available], [2300, 1500]);
  assert.equal(check.findings.find((f) => f.kind === 'unconfirmed')!.status, 'pledged');
  const observer = (await signInAs(server.url, 'observer.il@truce.example')).client;
  // Every finding rests on mission-only figures (strengths, last days): a party sees none of them.
  assert.equal(
    (await observer.call('checkHandover', { query: YEAR })).findings.length,
    0,
    'findings are as restricted as the records they come from',
  );
  await rejects(coordinator.call('checkHandover', { query: { from: '2026-02-01', to: '2026-01-01' } }), 400);
});

test('a deployment that closes the North Gaza vacuum, and the check reruns with it', async () => {
  const items = (await coordinator.call('listContributions', {})).items;
  const egyptInf = items.find((c) => c.organisationName === 'Egypt' && c.capability === 'infantry')!;
  const deployments = (await coordinator.call('listDeployments', {})).items;
  const north = deployments.find((d) => d.sectorId === sectors.get('North Gaza'))!;
  // Move the detachment out of the double booking: North Gaza from May, once Deir Al Balah thins out.
  const moved = await coordinator.call('updateDeployment', {
    params: { id: north.id },
    body: { from: '2026-05-01', to: null, version: 1 },
  });
  assert.equal(moved.version, 2);
  assert.ok(events.includes(`handover:${north.id}`));
  const dab = deployments.find((d) => d.sectorId === sectors.get('Deir Al Balah'))!;
  await coordinator.call('updateDeployment', { params: { id: dab.id }, body: { to: '2026-04-30' } });
  const relief = await coordinator.call('createDeployment', {
    body: { contributionId: egyptInf.id, sectorId: sectors.get('Deir Al Balah')!, from: '2026-05-01', strength: 200 },
  });
  const check = await coordinator.call('checkHandover', { query: YEAR });
  const mine = check.findings.filter((f) => f.sectorName === 'North Gaza' || f.sectorName === 'Deir Al Balah');
  assert.deepEqual(brief(mine), [
    ['Deir Al Balah', 'understrength', '2026-05-01', '2026-12-31'],
    ['North Gaza', 'vacuum', '2026-03-01', '2026-04-30'],
  ]);
  assert.equal(mine[0]!.strength, 200);
  await rejects(
    coordinator.call('updateDeployment', { params: { id: north.id }, body: { strength: 5, version: 1 } }),
    409,
  );
  await rejects(coordinator.call('updateDeployment', { params: { id: relief.id }, body: { to: '2026-01-01' } }), 400);
  const unchanged = (await coordinator.call('listDeployments', {})).items.find((d) => d.id === relief.id)!;
  assert.deepEqual([unchanged.to, unchanged.version], [null, 1]);
});

test('a new withdrawal milestone opens a vacuum; moving it later closes part of it', async () => {
  const id = sectors.get('Deir Al Balah')!;
  const sector = await coordinator.call('createSector', {
    body: {
      name: 'Test sector',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [34.0, 31.0],
            [34.01, 31.0],
            [34.01, 31.01],
            [34.0, 31.01],
            [34.0, 31.0],
          ],
        ],
      },
    },
  });
  const m = await coordinator.call('createMilestone', {
    body: { sectorId: sector.id, kind: 'withdrawal', at: '2026-10-01', condition: 'test' },
  });
  assert.ok(events.includes(`handover:${m.id}`));
  let check = await coordinator.call('checkHandover', { query: YEAR });
  assert.deepEqual(brief(check.findings.filter((f) => f.sectorId === sector.id)), [
    ['Test sector', 'vacuum', '2026-10-01', '2026-12-31'],
  ]);
  const moved = await coordinator.call('updateMilestone', { params: { id: m.id }, body: { at: '2026-12-01' } });
  assert.equal(moved.version, 2);
  check = await coordinator.call('checkHandover', { query: YEAR });
  assert.deepEqual(brief(check.findings.filter((f) => f.sectorId === sector.id)), [
    ['Test sector', 'vacuum', '2026-12-01', '2026-12-31'],
  ]);
  await rejects(
    coordinator.call('createMilestone', {
      body: { sectorId: '00000000-0000-4000-8000-000000000000', kind: 'withdrawal', at: '2026-10-01' },
    }),
    400,
  );
  await rejects(
    coordinator.call('createMilestone', { body: { sectorId: id, kind: 'return', at: '2026-10-01' } } as never),
    400,
  );
  const liaison = (await signInAs(server.url, 'liaison.id@truce.example')).client;
  await rejects(liaison.call('createMilestone', { body: { sectorId: id, kind: 'withdrawal', at: '2026-10-01' } }), 403);
  assert.equal((await coordinator.call('listMilestones', {})).items.length, 6);
});

test('raising a pledge to PCRS level 2 clears the unconfirmed findings that rest on it', async () => {
  const indonesia = (await coordinator.call('listContributions', {})).items.find(
    (c) => c.organisationName === 'Indonesia' && c.capability === 'infantry',
  )!;
  const before = (await coordinator.call('checkHandover', { query: YEAR })).findings.filter(
    (f) => f.kind === 'unconfirmed',
  );
  assert.equal(before.length, 2);
  assert.ok(before.every((f) => f.contributionId === indonesia.id));
  await coordinator.call('transitionContribution', {
    params: { id: indonesia.id },
    body: { to: 'pcrs1', reason: 'note verbale, table of organisation' },
  });
  assert.equal(
    (await coordinator.call('checkHandover', { query: YEAR })).findings.filter((f) => f.kind === 'unconfirmed').length,
    2,
    'level 1 is still below 2',
  );
  await coordinator.call('transitionContribution', {
    params: { id: indonesia.id },
    body: { to: 'pcrs2', reason: 'assessment and advisory visit passed' },
  });
  assert.equal(
    (await coordinator.call('checkHandover', { query: YEAR })).findings.filter((f) => f.kind === 'unconfirmed').length,
    0,
  );
});

test('deployments: only personnel, only existing sectors, only planners', async () => {
  const items = (await coordinator.call('listContributions', {})).items;
  const eubam = items.find((c) => c.organisationName === 'EUBAM Rafah')!;
  const sectorId = sectors.get('Rafah')!;
  await rejects(
    coordinator.call('createDeployment', {
      body: { contributionId: eubam.id, sectorId, from: '2026-07-01', to: '2026-06-01', strength: 10 },
    }),
    400,
  );
  await rejects(
    coordinator.call('createDeployment', {
      body: {
        contributionId: eubam.id,
        sectorId: '00000000-0000-4000-8000-000000000000',
        from: '2026-07-01',
        strength: 10,
      },
    }),
    400,
  );
  await rejects(
    coordinator.call('createDeployment', {
      body: { contributionId: eubam.id, sectorId, from: '2026-07-01', strength: 0 },
    }),
    400,
  );
  const monitor = (await signInAs(server.url, 'monitor.eu@truce.example')).client;
  await rejects(
    monitor.call('createDeployment', {
      body: { contributionId: eubam.id, sectorId, from: '2026-07-01', strength: 10 },
    }),
    403,
  );
  const d = await coordinator.call('createDeployment', {
    body: { contributionId: eubam.id, sectorId, from: '2026-07-01', strength: 60 },
  });
  const check = await coordinator.call('checkHandover', { query: YEAR });
  const rafah = check.findings.filter((f) => f.sectorId === sectorId && f.contributionId === eubam.id);
  // EUBAM's offer has no stated size: whatever is assigned goes beyond what was confirmed.
  assert.deepEqual(rafah.map((f) => f.kind).sort(), ['overcommitted', 'unconfirmed']);
  assert.ok(
    !check.findings.some((f) => f.sectorId === sectorId && f.kind === 'vacuum'),
    'the border monitors hold Rafah from day one',
  );
  const changes = await tdb.database.db
    .selectFrom('record_changes')
    .select(['record_kind', 'op'])
    .where('record_id', '=', d.id)
    .execute();
  assert.deepEqual(
    changes.map((c) => [c.record_kind, c.op]),
    [['deployment', 'create']],
  );
});

test('the difference between two versions of the yellow line, in km²', async () => {
  const lines = (await coordinator.call('listControlLines', { query: {} })).items;
  assert.ok(lines.length >= 2);
  const [first, second] = [lines[0]!, lines[1]!];
  const diff = await coordinator.call('getControlLineDiff', { query: { from: first.id, to: second.id } });
  assert.equal(diff.from.lineVersion, first.lineVersion);
  assert.ok(diff.releasedKm2 > 0 || diff.takenKm2 > 0, 'the moved line changed the held area');
  const expected = (first.heldAreaKm2 ?? 0) - (second.heldAreaKm2 ?? 0);
  assert.ok(
    Math.abs(diff.releasedKm2 - diff.takenKm2 - expected) < 0.2,
    `net ${diff.releasedKm2 - diff.takenKm2} vs ${expected}`,
  );
  const same = await coordinator.call('getControlLineDiff', { query: { from: first.id, to: first.id } });
  assert.deepEqual([same.releasedKm2, same.takenKm2], [0, 0]);
  await rejects(
    coordinator.call('getControlLineDiff', { query: { from: first.id, to: '00000000-0000-4000-8000-000000000000' } }),
    400,
  );
});

test('an open handover page hears that the plan changed (Server-Sent Events, no content)', async () => {
  const observer = await signInAs(server.url, 'observer.ps@truce.example');
  const stream = await openEventStream(`${server.url}/api/handover/events`, { cookie: observer.cookie });
  try {
    await stream.until(/event: ready/);
    const m = await coordinator.call('createMilestone', {
      body: { sectorId: sectors.get('Rafah')!, kind: 'withdrawal', at: '2026-11-01', condition: 'streamed' },
    });
    await stream.until(new RegExp(`event: handover\\ndata: .*"id":"${m.id}"`));
    assert.doesNotMatch(stream.text(), /streamed/, 'the event names the record, never its content');
  } finally {
    stream.close();
  }
  assert.equal((await fetch(`${server.url}/api/handover/events`)).status, 401);
});

test('a stream ends once its session does (checked at each heartbeat)', async () => {
  process.env.TRUCE_SSE_HEARTBEAT_MS = '200';
  try {
    const observer = await signInAs(server.url, 'observer.il@truce.example');
    const stream = await openEventStream(`${server.url}/api/handover/events`, { cookie: observer.cookie });
    await stream.until(/event: ready/);
    await stream.until(/: keep-alive/);
    await observer.client.call('signOut', {});
    await stream.ended(3000);
  } finally {
    delete process.env.TRUCE_SSE_HEARTBEAT_MS;
  }
});
