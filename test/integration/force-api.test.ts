/**
 * Force generation through the real API on a real database: status moves by the table (a
 * forbidden one is a 409 that changes nothing), their history, requirements, the gap for a day
 * and over time, the CSV export, and the demo plan's figures.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ApiError, type ApiClient } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let coordinator: ApiClient;
const events: string[] = [];

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  deps.events.subscribe((e) => events.push(`${e.topic}:${e.id}`));
  await seedDemo(deps);
  server = await startTestServer(deps);
  coordinator = (await signInAs(server.url, 'coordinator@truce.example')).client;
});
after(async () => {
  await server.close();
  await deps.events.close();
  await tdb.close();
});

const orgId = async (client: ApiClient, name: string) =>
  (await client.call('listOrganisations', {})).items.find((o) => o.name === name)!.id;
const rejects = (p: Promise<unknown>, status: number) => assert.rejects(p, (e: ApiError) => e.status === status);

test('a contribution moves through the PCRS levels with who, when and why; each move is logged', async () => {
  const spain = await orgId(coordinator, 'Spain');
  const c = await coordinator.call('createContribution', {
    body: {
      organisationId: spain,
      kind: 'forces',
      capability: 'engineers',
      quantity: 250,
      unit: 'personnel',
      status: 'interest',
      statusSince: '2026-01-02',
    },
  });
  assert.ok(events.includes(`handover:${c.id}`), 'the change is announced');
  const moved = await coordinator.call('transitionContribution', {
    params: { id: c.id },
    body: { to: 'pledged', reason: 'note verbale received', effectiveOn: '2026-01-05', version: 1 },
  });
  assert.equal(moved.status, 'pledged');
  assert.equal(moved.version, 2);
  assert.equal(moved.transition.fromStatus, 'interest');
  assert.equal(moved.transition.reason, 'note verbale received');
  const history = await coordinator.call('listContributionTransitions', { params: { id: c.id } });
  assert.deepEqual(
    history.items.map((t) => [t.fromStatus, t.toStatus]),
    [
      [null, 'interest'],
      ['interest', 'pledged'],
    ],
  );
  const changes = await tdb.database.db
    .selectFrom('record_changes')
    .select(['record_kind', 'version', 'op'])
    .where('record_id', '=', c.id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    changes.map((x) => [x.record_kind, x.version, x.op]),
    [
      ['contribution', 1, 'create'],
      ['contribution', 2, 'transition'],
    ],
  );
  const logged = await tdb.database.db
    .selectFrom('record_changes')
    .select('payload')
    .where('record_kind', '=', 'contribution_transition')
    .where('record_id', '=', moved.transition.id)
    .executeTakeFirstOrThrow();
  // The log is public and the contribution may be made mission-only at any time: the reason,
  // statuses and days enter it as commitments only.
  const payload = JSON.stringify(logged.payload);
  assert.doesNotMatch(payload, /note verbale received/);
  assert.match(payload, /"commitments":\{[^}]*"reason":"[0-9a-f]{64}"/);
});

test('a forbidden move, a stale version or a backdated move is refused and changes nothing', async () => {
  const spain = await orgId(coordinator, 'Spain');
  const c = await coordinator.call('createContribution', {
    body: {
      organisationId: spain,
      kind: 'forces',
      capability: 'medical',
      quantity: 40,
      unit: 'personnel',
      status: 'pledged',
    },
  });
  await rejects(
    coordinator.call('transitionContribution', {
      params: { id: c.id },
      body: { to: 'deployed', reason: 'skip the levels' },
    }),
    409,
  );
  await rejects(
    coordinator.call('transitionContribution', { params: { id: c.id }, body: { to: 'paid', reason: 'money status' } }),
    409,
  );
  await rejects(
    coordinator.call('transitionContribution', {
      params: { id: c.id },
      body: { to: 'pcrs1', reason: 'stale', version: 7 },
    }),
    409,
  );
  await rejects(
    coordinator.call('transitionContribution', {
      params: { id: c.id },
      body: { to: 'pcrs1', reason: 'future', effectiveOn: '2999-01-01' },
    }),
    400,
  );
  await rejects(
    coordinator.call('transitionContribution', {
      params: { id: c.id },
      body: { to: 'pcrs1', reason: 'before it existed', effectiveOn: '2020-01-01' },
    }),
    400,
  );
  await rejects(
    coordinator.call('transitionContribution', { params: { id: c.id }, body: { to: 'pcrs1', reason: '' } }),
    400,
  );
  await rejects(
    coordinator.call('createContribution', {
      body: {
        organisationId: spain,
        kind: 'forces',
        capability: 'medical',
        quantity: 1,
        unit: 'personnel',
        statusSince: '2999-01-01',
      },
    }),
    400,
  );
  const after = (await coordinator.call('listContributions', {})).items.find((x) => x.id === c.id)!;
  assert.equal(after.status, 'pledged');
  assert.equal(after.version, 1);
  assert.equal(
    (await coordinator.call('listContributionTransitions', { params: { id: c.id } })).items.length,
    0,
    'no move was recorded',
  );
  const rows = await tdb.database.db.selectFrom('record_changes').select('id').where('record_id', '=', c.id).execute();
  assert.equal(rows.length, 1);
});

test("money follows pledge -> commitment -> paid; a liaison moves only its own organisation's offers", async () => {
  const liaison = (await signInAs(server.url, 'liaison.id@truce.example')).client;
  const indonesia = await orgId(liaison, 'Indonesia');
  const qatar = await orgId(liaison, 'Qatar');
  const money = await coordinator.call('createContribution', {
    body: {
      organisationId: qatar,
      kind: 'money',
      capability: 'funding',
      quantity: 5e6,
      unit: 'currency',
      currency: 'USD',
      status: 'pledged',
    },
  });
  await rejects(
    coordinator.call('transitionContribution', {
      params: { id: money.id },
      body: { to: 'pcrs1', reason: 'wrong track' },
    }),
    409,
  );
  const committed = await coordinator.call('transitionContribution', {
    params: { id: money.id },
    body: { to: 'committed', reason: 'agreement signed' },
  });
  assert.equal(committed.status, 'committed');
  const gap = await coordinator.call('getForceGap', { query: {} });
  assert.deepEqual(
    gap.funding,
    [{ currency: 'USD', pledged: 0, committed: 5e6, paid: 0 }],
    'money stays out of strength, by stage',
  );
  await rejects(
    liaison.call('transitionContribution', { params: { id: money.id }, body: { to: 'paid', reason: 'not mine' } }),
    403,
  );
  const own = await liaison.call('createContribution', {
    body: {
      organisationId: indonesia,
      kind: 'forces',
      capability: 'logistics',
      quantity: 90,
      unit: 'personnel',
      status: 'interest',
    },
  });
  // A contributor declares its own interest, pledge or withdrawal; verified stages are the mission's.
  await rejects(
    liaison
      .call('transitionContribution', { params: { id: own.id }, body: { to: 'pledged', reason: 'firm offer' } })
      .then(() =>
        liaison.call('transitionContribution', {
          params: { id: own.id },
          body: { to: 'pcrs1', reason: 'self-certified' },
        }),
      ),
    403,
  );
  await rejects(
    liaison.call('createContribution', {
      body: {
        organisationId: indonesia,
        kind: 'forces',
        capability: 'medical',
        quantity: 50,
        unit: 'personnel',
        status: 'deployed',
      },
    }),
    403,
  );
  assert.equal(
    (
      await coordinator.call('transitionContribution', {
        params: { id: own.id },
        body: { to: 'pcrs1', reason: 'note verbale received' },
      })
    ).status,
    'pcrs1',
  );
  assert.equal(
    (
      await liaison.call('transitionContribution', {
        params: { id: own.id },
        body: { to: 'withdrawn', reason: 'no longer offered' },
      })
    ).status,
    'withdrawn',
  );
  const observer = (await signInAs(server.url, 'observer.ps@truce.example')).client;
  await rejects(
    observer.call('transitionContribution', { params: { id: own.id }, body: { to: 'pledged', reason: 'x' } }),
    403,
  );
  await rejects(
    coordinator.call('createContribution', {
      body: {
        organisationId: qatar,
        kind: 'money',
        capability: 'funding',
        quantity: 1,
        unit: 'currency',
        currency: 'USD',
        status: 'pcrs2',
      },
    }),
    400,
  );
});

test('the demo plan: statuses with history, requirements per sector and phase', async () => {
  const items = (await coordinator.call('listContributions', {})).items;
  const egyptInf = items.find((c) => c.organisationName === 'Egypt' && c.capability === 'infantry')!;
  assert.equal(egyptInf.status, 'deployed');
  const history = await coordinator.call('listContributionTransitions', { params: { id: egyptInf.id } });
  assert.deepEqual(
    history.items.map((t) => t.toStatus),
    ['interest', 'pledged', 'pcrs1', 'pcrs2', 'pcrs3', 'deployed'],
  );
  const reqs = (await coordinator.call('listRequirements', {})).items;
  assert.equal(reqs.length, 13);
  assert.ok(reqs.some((r) => r.phase === 2 && r.quantity === 2500));
});

test('the gap on a day: deployed, confirmed, pledged and interest kept apart, per capability and sector', async () => {
  const gap = await coordinator.call('getForceGap', { query: { on: '2026-09-15' } });
  const inf = gap.byCapability.find((c) => c.capability === 'infantry')!;
  // Required: 1,000 + 2,500 (Gaza phase 2) + 800 + 3,000 + 2,000; deployed: Egypt's 1,500 only.
  assert.equal(inf.required, 9300);
  assert.equal(inf.deployed, 1500);
  assert.equal(inf.pledged, 20000, "Indonesia's pledge is shown, never added to strength");
  assert.equal(inf.gap, 7800);
  const fpu = gap.byCapability.find((c) => c.capability === 'formed_police_unit')!;
  assert.deepEqual([fpu.required, fpu.deployed, fpu.gap], [140, 140, 0], 'the rotation left no gap');
  const eng = gap.byCapability.find((c) => c.capability === 'engineers')!;
  assert.equal(eng.confirmed, 400);
  assert.equal(eng.gap, 600);
  const gaza = gap.bySector.find((s) => s.sectorName === 'Gaza')!;
  assert.deepEqual([gaza.required, gaza.deployed, gaza.gap], [2500 + 150 + 140, 500 + 150 + 140, 2000]);
  const rafah = gap.bySector.find((s) => s.sectorName === 'Rafah')!;
  assert.deepEqual([rafah.deployed, rafah.pledged], [0, 2000]);
  await rejects(coordinator.call('getForceGap', { query: { on: 'yesterday' } }), 400);
});

test('the gap series: one point per day; a pledge added today changes today, not the past', async () => {
  const series = await coordinator.call('getForceGapSeries', { query: { from: '2026-01-19', to: '2026-01-21' } });
  assert.deepEqual(
    series.points.map((p) => [p.on, p.deployed, p.gapByCapability.infantry]),
    [
      ['2026-01-19', 0, undefined],
      ['2026-01-20', 1500, 0],
      ['2026-01-21', 1500, 0],
    ],
  );
  await rejects(coordinator.call('getForceGapSeries', { query: { from: '2026-02-01', to: '2026-01-01' } }), 400);
});

test('the gap table as CSV with HXL tags, for any signed-in account', async () => {
  const { cookie } = await signInAs(server.url, 'coordinator@truce.example');
  const res = await fetch(`${server.url}/api/force/gap.csv?on=2026-09-15`, { headers: { cookie } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  const lines = (await res.text()).trim().split('\r\n');
  assert.equal(lines[0], 'date,scope,capability,sector,required,deployed,confirmed,pledged,interest,gap');
  assert.match(lines[1]!, /^#date,/);
  assert.ok(lines.includes('2026-09-15,capability,infantry,,9300,1500,0,20000,0,7800'));
  assert.ok(lines.some((l) => l.startsWith('2026-09-15,sector,,Gaza,2790,790,')));
  const statusOf = async (r: Promise<Response>) => {
    const res = await r;
    await res.arrayBuffer(); // read to the end, so the connection is free when the server closes
    return res.status;
  };
  assert.equal(await statusOf(fetch(`${server.url}/api/force/gap.csv`)), 401);
  assert.equal(await statusOf(fetch(`${server.url}/api/force/gap.csv?on=nope`, { headers: { cookie } })), 400);
});

test('requirements: coordinators add them (a later phase supersedes), others may not', async () => {
  const before = await coordinator.call('getForceGap', { query: { on: '2027-01-01' } });
  const aviationBefore = before.byCapability.find((c) => c.capability === 'aviation');
  assert.equal(aviationBefore, undefined);
  const r = await coordinator.call('createRequirement', {
    body: { task: 'humanitarian_corridors', capability: 'aviation', phase: 1, quantity: 30, neededBy: '2026-12-01' },
  });
  assert.equal(r.sectorId, null);
  await coordinator.call('createRequirement', {
    body: { task: 'humanitarian_corridors', capability: 'aviation', phase: 2, quantity: 45, neededBy: '2026-12-20' },
  });
  const after = await coordinator.call('getForceGap', { query: { on: '2027-01-01' } });
  assert.equal(after.byCapability.find((c) => c.capability === 'aviation')!.required, 45);
  const monitor = (await signInAs(server.url, 'monitor.un@truce.example')).client;
  await rejects(
    monitor.call('createRequirement', {
      body: { task: 'border_areas', capability: 'aviation', phase: 1, quantity: 1, neededBy: '2026-12-01' },
    }),
    403,
  );
  await rejects(
    coordinator.call('createRequirement', {
      body: { task: 'border_areas', capability: 'funding', phase: 1, quantity: 1, neededBy: '2026-12-01' },
    } as never),
    400,
  );
  await rejects(
    coordinator.call('createRequirement', {
      body: {
        task: 'border_areas',
        capability: 'aviation',
        sectorId: '00000000-0000-4000-8000-000000000000',
        phase: 1,
        quantity: 1,
        neededBy: '2026-12-01',
      },
    }),
    400,
  );
});
