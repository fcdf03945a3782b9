/**
 * Monitoring intake on a real server and database: filing reports, idempotent retries, sector
 * and control-line side assignment, grouping into incidents, bad input rejected with nothing
 * stored, and what each role may see.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey } from '../../src/log/keys.ts';
import { auditDatabase } from '../../src/log/audit.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { rebuildGrid } from '../../src/repositories/monitoring/grid.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let monitor: SignedInClient;
let observer: SignedInClient;

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  monitor = await signInAs(server.url, 'monitor.un@truce.example');
  observer = await signInAs(server.url, 'observer.il@truce.example');
});
after(async () => {
  await server.close();
  await tdb.close();
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString().replace('Z', '+00:00');

export function reportBody(over: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    occurredAt: hoursAgo(1),
    location: { type: 'Point' as const, coordinates: [34.455, 31.505] as [number, number] },
    eventType: 'Explosions/Remote violence',
    subEventType: 'Shelling/artillery/missile attack',
    description: 'Three impacts heard north of the market.',
    source: { kind: 'patrol' as const, name: 'Patrol Bravo-2' },
    ...over,
  };
}

async function counts() {
  const r = await sql<{ reports: number; incidents: number; changes: number }>`
    select (select count(*) from reports)::int as reports, (select count(*) from incidents)::int as incidents,
           (select count(*) from record_changes)::int as changes`.execute(deps.db);
  return r.rows[0]!;
}

async function rawPost(path: string, body: unknown, who: SignedInClient = monitor) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    body: JSON.stringify(body),
  });
}

test('a report is filed: 201 with its sector, its side of the line and a new incident', async () => {
  const res = await rawPost('/api/reports', reportBody());
  assert.equal(res.status, 201);
  const r = (await res.json()) as {
    id: string;
    incidentId: string;
    sectorId: string;
    side: string;
    repeat: boolean;
    source: { name: string };
  };
  const sectors = await deps.db.selectFrom('sectors').select(['id', 'name']).execute();
  assert.equal(sectors.find((s) => s.id === r.sectorId)?.name, 'Gaza');
  assert.equal(r.side, 'released');
  assert.equal(r.repeat, false);
  assert.equal(r.source.name, 'Patrol Bravo-2');
  const incident = await monitor.client.call('getIncident', { params: { id: r.incidentId } });
  assert.equal(incident.status, 'alleged');
  assert.equal(incident.outcome, null);
  assert.equal(incident.reportCount, 1);
  assert.equal(incident.sectorId, r.sectorId);
  assert.equal(incident.history[0]?.action, 'create');
});

test('sending the same clientId again returns the first result and creates nothing', async () => {
  const body = reportBody();
  const first = await monitor.client.call('createReport', { body });
  const before = await counts();
  const again = await monitor.client.call('createReport', {
    body: { ...body, description: 'edited on the phone before retrying' },
  });
  assert.equal(again.id, first.id);
  assert.equal(again.incidentId, first.incidentId);
  assert.equal(again.repeat, true);
  assert.equal(again.description, body.description);
  const raw = await rawPost('/api/reports', body);
  assert.equal(raw.status, 200, 'a repeat answers 200, the first time 201');
  assert.deepEqual(await counts(), before);
  // Concurrent copies (a phone retrying while the first request is still in flight): one report.
  const racing = reportBody();
  const results = await Promise.all([1, 2, 3].map(() => monitor.client.call('createReport', { body: racing })));
  assert.equal(new Set(results.map((r) => r.id)).size, 1);
  assert.equal(results.filter((r) => !r.repeat).length, 1);
  // Another account cannot reuse (and so read) someone else's clientId.
  const other = await signInAs(server.url, 'monitor.eu@truce.example');
  await assert.rejects(other.client.call('createReport', { body }), (e: ApiError) => e.status === 409);
});

test('reports close in space and time with the same event type join one incident; others do not', async () => {
  const a = await monitor.client.call('createReport', {
    body: reportBody({ location: { type: 'Point', coordinates: [34.3, 31.345] } }),
  });
  const near = await monitor.client.call('createReport', {
    body: reportBody({ location: { type: 'Point', coordinates: [34.305, 31.347] }, occurredAt: hoursAgo(0.5) }),
  });
  assert.equal(near.incidentId, a.incidentId);
  const otherType = await monitor.client.call('createReport', {
    body: reportBody({
      location: { type: 'Point', coordinates: [34.3, 31.345] },
      eventType: 'Battles',
      subEventType: 'Armed clash',
    }),
  });
  assert.notEqual(otherType.incidentId, a.incidentId);
  const far = await monitor.client.call('createReport', {
    body: reportBody({ location: { type: 'Point', coordinates: [34.34, 31.33] } }),
  });
  assert.notEqual(far.incidentId, a.incidentId);
  assert.equal(far.side, 'held');
  const later = await monitor.client.call('createReport', {
    body: reportBody({ location: { type: 'Point', coordinates: [34.3, 31.345] }, occurredAt: hoursAgo(9) }),
  });
  assert.notEqual(later.incidentId, a.incidentId);
  const incident = await monitor.client.call('getIncident', { params: { id: a.incidentId } });
  assert.equal(incident.reportCount, 2);
  assert.deepEqual(incident.reports.map((r) => r.id).sort(), [a.id, near.id].sort());
});

test('bad input is a 400 naming the field, and nothing is stored', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ location: { type: 'Point', coordinates: [34.3, 31.5] } }, 'location'],
    [{ location: { type: 'Point', coordinates: [200, 31.5] } }, 'location'],
    [{ occurredAt: new Date(Date.now() + 3600_000).toISOString() }, 'occurredAt'],
    [{ occurredAt: '2022-12-31T23:00:00+00:00' }, 'occurredAt'],
    [{ occurredAt: '2025-10-12T10:00:00' }, 'occurredAt'],
    [{ eventType: 'Skirmish' }, 'eventType'],
    [{ subEventType: 'Shelling' }, 'subEventType'],
    [{ eventType: 'Battles', subEventType: 'Shelling/artillery/missile attack' }, 'subEventType'],
    [{ description: 'x'.repeat(10_001) }, 'description'],
    [{ source: { kind: 'rumour', name: 'x' } }, 'source.kind'],
    [{ clientId: 'not-a-uuid' }, 'clientId'],
    [{ evidence: ['a'.repeat(64)] }, 'evidence.0'],
    [{ fatalities: { low: 5, best: 2 } }, 'fatalities'],
    [{ colour: 'red' }, ''],
  ];
  const before = await counts();
  for (const [over, field] of cases) {
    const res = await rawPost('/api/reports', reportBody(over));
    assert.equal(res.status, 400, `${JSON.stringify(over)} is refused`);
    const problem = (await res.json()) as { errors?: { path: string }[] };
    assert.ok(
      problem.errors?.some((e) => e.path.replace(/^body\./, '').startsWith(field)),
      `${JSON.stringify(over)} names ${field}: ${JSON.stringify(problem.errors)}`,
    );
  }
  assert.deepEqual(await counts(), before);
});

test('observers cannot file; they see incidents but not who reported or what they wrote', async () => {
  await assert.rejects(observer.client.call('createReport', { body: reportBody() }), (e: ApiError) => e.status === 403);
  const r = await monitor.client.call('createReport', {
    body: reportBody({ location: { type: 'Point', coordinates: [34.25, 31.29] } }),
  });
  const seen = await observer.client.call('getIncident', { params: { id: r.incidentId } });
  assert.equal(seen.reports[0]?.source.name, null);
  assert.equal(seen.reports[0]?.description, null);
  assert.equal(seen.reports[0]?.source.kind, 'patrol');
  const list = await observer.client.call('listIncidents', { query: { status: 'alleged' } });
  assert.ok(list.items.some((i) => i.id === r.incidentId));
});

test('counts keep reports, incidents and ruled violations apart; clusters aggregate in the viewport', async () => {
  const c = await monitor.client.call('monitoringCounts', {});
  const db = await counts();
  assert.equal(c.reports, db.reports);
  assert.ok(c.incidents < c.reports, 'grouped reports make fewer incidents');
  // The demo's one jointly ruled violation (29 October strikes); allegations are never added to it.
  assert.equal(c.ruledViolations, 1);
  assert.equal(c.byStatus.ruled, 1);
  assert.equal(c.byStatus.published, 1);
  const wide = await monitor.client.call('incidentClusters', { query: { bbox: '34.2,31.2,34.6,31.6', zoom: 5 } });
  assert.equal(
    wide.items.reduce((s, i) => s + i.count, 0),
    c.incidents,
  );
  assert.ok(wide.items.length < c.incidents);
  const close = await monitor.client.call('incidentClusters', { query: { bbox: '34.2,31.2,34.6,31.6', zoom: 16 } });
  // Past the point zoom each location is its own cell; incidents at the very same spot share one.
  const spots = await sql<{
    n: number;
  }>`select count(distinct (lon, lat))::int as n from incidents where merged_into is null`.execute(deps.db);
  assert.equal(close.items.length, spots.rows[0]!.n);
  assert.equal(
    close.items.reduce((s, i) => s + i.count, 0),
    c.incidents,
  );
  assert.ok(close.items.filter((i) => i.count === 1).every((i) => i.incidentId !== null));
  const battles = await monitor.client.call('incidentClusters', {
    query: { bbox: '34.2,31.2,34.6,31.6', zoom: 16, eventType: 'Battles' },
  });
  const battleRows = await deps.db
    .selectFrom('incidents')
    .select('id')
    .where('event_type', '=', 'Battles')
    .where('merged_into', 'is', null)
    .execute();
  assert.equal(
    battles.items.reduce((s, i) => s + i.count, 0),
    battleRows.length,
  );
  const ruled = await monitor.client.call('incidentClusters', {
    query: { bbox: '34.2,31.2,34.6,31.6', zoom: 3, status: 'ruled,published' },
  });
  assert.deepEqual(
    ruled.items.map((i) => [i.count, i.violations]),
    [[2, 1]],
  );
  // A time filter reads the incidents themselves; it agrees with the grid on the same set.
  const sinceEver = await monitor.client.call('incidentClusters', {
    query: { bbox: '34.2,31.2,34.6,31.6', zoom: 3, status: 'ruled,published', from: '2023-01-01T00:00:00Z' },
  });
  assert.deepEqual(
    sinceEver.items.map((i) => [i.count, i.violations]),
    [[2, 1]],
  );
});

test('every monitoring row matches its latest log entry (truce audit), after transitions, merge and split', async () => {
  const a = await monitor.client.call('createReport', {
    body: reportBody({ location: { type: 'Point', coordinates: [34.35, 31.42] }, occurredAt: hoursAgo(30) }),
  });
  const b = await monitor.client.call('createReport', {
    body: reportBody({ location: { type: 'Point', coordinates: [34.34, 31.33] }, occurredAt: hoursAgo(40) }),
  });
  await monitor.client.call('mergeIncidents', {
    params: { id: a.incidentId },
    body: { incidentIds: [b.incidentId], rationale: 'same' },
  });
  await monitor.client.call('splitIncident', {
    params: { id: a.incidentId },
    body: { reportIds: [b.id], rationale: 'not the same' },
  });
  await monitor.client.call('transitionIncident', {
    params: { id: a.incidentId },
    body: { to: 'preliminary', rationale: 'credible' },
  });
  const key = await loadOrCreateLogKey(deps.db, 'truce.test/monitoring', new Date());
  const sequencer = new Sequencer(deps.db, key, 'truce.test/monitoring', systemClock, silentLogger);
  await sequencer.init();
  while ((await sequencer.integrateOnce()) > 0) {
    /* drain the outbox */
  }
  const audit = await auditDatabase(deps.db, key.verifierKey);
  assert.deepEqual(audit.mismatches, []);
  // The map's grid, kept in step by every change above, equals one rebuilt from scratch.
  // So does the coarse grid parties' maps read.
  const grids = ['incident_grid', 'incident_coarse_grid'] as const;
  const read = (table: (typeof grids)[number]) =>
    deps.db
      .selectFrom(table)
      .selectAll()
      .where('n', '<>', 0)
      .orderBy(['level', 'gx', 'gy', 'status', 'event_type'])
      .execute();
  const kept = await Promise.all(grids.map(read));
  await rebuildGrid(deps.db);
  const rebuilt = await Promise.all(grids.map(read));
  const round = (rows: Awaited<ReturnType<typeof read>>) =>
    rows.map((r) => ({ ...r, sum_lon: r.sum_lon.toFixed(6), sum_lat: r.sum_lat.toFixed(6) }));
  assert.deepEqual(kept.map(round), rebuilt.map(round));
  // Its finest cells (0.0055 degree) hold one coarse point each: their averages are on the 0.01 grid.
  const finest = (kept[1] ?? []).filter((r) => r.level === 14);
  const offGrid = finest.filter((r) => Math.abs(r.sum_lon / r.n - Math.round((r.sum_lon / r.n) * 100) / 100) > 1e-9);
  assert.ok(
    finest.length > 0 && offGrid.length === 0,
    `the coarse grid sums coarse points: ${JSON.stringify(offGrid)}`,
  );
  const kinds = await sql<{ record_kind: string }>`select distinct record_kind from record_changes`.execute(deps.db);
  for (const k of ['report', 'incident', 'incident_event'])
    assert.ok(
      kinds.rows.some((r) => r.record_kind === k),
      `${k} changes are recorded`,
    );
  // Tampering is caught: a status edited behind the application's back.
  await deps.db.updateTable('incidents').set({ status: 'published' }).where('id', '=', a.incidentId).execute();
  const tampered = await auditDatabase(deps.db, key.verifierKey);
  assert.deepEqual(
    tampered.mismatches.map((m) => `${m.kind}/${m.id}`),
    [`incident/${a.incidentId}`],
  );
});

test('the public view shows published rulings only, with the place coarsened and no sources', async () => {
  const res = await fetch(`${server.url}/api/public/rulings`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    items: { id: string; outcome: string; location: { coordinates: [number, number] }; occurredOn: string }[];
  };
  const published = await deps.db
    .selectFrom('incidents')
    .select(['id', 'lon', 'lat'])
    .where('status', '=', 'published')
    .execute();
  assert.deepEqual(body.items.map((i) => i.id).sort(), published.map((p) => p.id).sort());
  assert.ok(body.items.length >= 1);
  for (const item of body.items) {
    const exact = published.find((p) => p.id === item.id)!;
    assert.equal(item.location.coordinates[0], Math.round(exact.lon * 100) / 100);
    assert.match(item.occurredOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.doesNotMatch(JSON.stringify(item), /description|source|reports/);
  }
});
