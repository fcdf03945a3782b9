/**
 * A bulk import publishes what filing the same rows one by one, in file order, would write
 * (issue 10, finding 8): the same incidents (grouped alike, coarse places included), history
 * events, reports, map grid counts (exact and coarse) and log entries in the same order with
 * the same content and restricted values, apart from ids, sequence numbers and salts. The
 * one-by-one filing runs in a transaction that is rolled back, so both start from one state.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { fixedClock } from '../../src/adapters/clock.ts';
import type { DB } from '../../src/db/schema.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import type { Deps } from '../../src/services/deps.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { actorOf } from '../support/api.ts';
import { OPEN_STATUSES } from '../../src/domain/monitoring/workflow.ts';
import { appendChange } from '../../src/services/records.ts';
import { importReports } from '../../src/services/monitoring/import.ts';
import { parseImport } from '../../src/services/monitoring/import-parse.ts';
import { insertReport, prepareReport, type ReportPlace } from '../../src/services/monitoring/reports.ts';

let tdb: TestDatabase;
let deps: Deps;
let actor: Actor;
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database, fixedClock(now));
  await seedDemo(deps);
  actor = await actorOf(deps, 'monitor.eu@truce.example');
});
after(async () => {
  await tdb.close();
});

const HEADER =
  'event_id_cnty,occurred_at,event_type,sub_event_type,actor1,inter1,latitude,longitude,geo_precision,source,notes,fatalities';
const q = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
interface Row {
  id: string;
  at: string;
  type: string;
  sub: string;
  lon: number;
  lat: number;
  fatalities?: number;
}
const line = (r: Row) =>
  [
    r.id,
    r.at,
    r.type,
    r.sub,
    'Military Forces of Israel (2022-)',
    1,
    r.lat,
    r.lon,
    1,
    'Local media',
    `notes of ${r.id}`,
    r.fatalities ?? 0,
  ]
    .map(q)
    .join(',');

const SHELL = { type: 'Explosions/Remote violence', sub: 'Shelling/artillery/missile attack' };

async function fileRows(): Promise<Row[]> {
  // An open incident of the demo (2025) for rows to join.
  const open = await deps.db
    .selectFrom('incidents')
    .selectAll()
    .where('merged_into', 'is', null)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const openAt = new Date(open.occurred_at).getTime();
  const rows: Row[] = [
    // One shelling told five times, out of time order: one incident whose time moves earlier.
    ...[40, 0, 80, 20, 60].map((m, i) => ({
      id: `EQ-A${i}`,
      at: at(600 - m),
      ...SHELL,
      lon: 34.452 + i * 0.001,
      lat: 31.502 + i * 0.0007,
    })),
    // Two accounts of the demo's incident: it gains two reports, two logged updates.
    {
      id: 'EQ-B0',
      at: new Date(openAt + 30 * 60_000).toISOString(),
      type: open.event_type,
      sub: open.sub_event_type,
      lon: open.lon + 0.002,
      lat: open.lat + 0.001,
    },
    {
      id: 'EQ-B1',
      at: new Date(openAt - 45 * 60_000).toISOString(),
      type: open.event_type,
      sub: open.sub_event_type,
      lon: open.lon - 0.001,
      lat: open.lat,
    },
    // Two clusters four hours apart at one place, and a row between them: it joins the closer.
    { id: 'EQ-C0', at: at(3000), ...SHELL, lon: 34.3, lat: 31.345 },
    { id: 'EQ-C1', at: at(2760), ...SHELL, lon: 34.3003, lat: 31.345 },
    { id: 'EQ-C2', at: at(2880), ...SHELL, lon: 34.3001, lat: 31.3452, fatalities: 2 },
    // Scattered: their own incidents, in several sectors, near sector edges too.
    { id: 'EQ-D0', at: at(5000), type: 'Protests', sub: 'Peaceful protest', lon: 34.45, lat: 31.5 },
    {
      id: 'EQ-D1',
      at: at(7000),
      type: 'Violence against civilians',
      sub: 'Attack',
      lon: 34.25,
      lat: 31.29,
      fatalities: 1,
    },
    { id: 'EQ-D2', at: at(9000), type: 'Riots', sub: 'Mob violence', lon: 34.35, lat: 31.42 },
    {
      id: 'EQ-D3',
      at: at(11000),
      type: 'Strategic developments',
      sub: 'Looting/property destruction',
      lon: 34.3,
      lat: 31.345,
    },
    { id: 'EQ-D4', at: at(13000), type: 'Battles', sub: 'Armed clash', lon: 34.4, lat: 31.45 },
    { id: 'EQ-D5', at: at(15000), ...SHELL, lon: 34.485, lat: 31.53 },
  ];
  return rows;
}

interface Snapshot {
  changes: unknown[];
  secrets: unknown[];
  incidents: unknown[];
  events: unknown[];
  reports: unknown[];
  grids: Record<
    'incident_grid' | 'incident_coarse_grid',
    Map<string, { n: number; violations: number; sum_lon: number; sum_lat: number }>
  >;
}

/** Everything written after change `since`, ids replaced by their order of first appearance in the log. */
async function snapshot(db: Kysely<DB>, since: number): Promise<Snapshot> {
  const changes = await db
    .selectFrom('record_changes')
    .select(['id', 'record_kind', 'record_id', 'version', 'op', 'actor_org_id', 'actor_user_id', 'at', 'payload'])
    .where('id', '>', since)
    .orderBy('id')
    .execute();
  const label = new Map<string, string>();
  for (const c of changes) if (!label.has(c.record_id)) label.set(c.record_id, `#${label.size}`);
  const norm = (v: unknown): unknown =>
    JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && label.has(x) ? label.get(x) : x)));
  const ids = (kind: string) => changes.filter((c) => c.record_kind === kind).map((c) => c.record_id);
  const byLabel = (rows: { id: string }[]) =>
    rows.map((r) => norm(r)).sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
  const changeIds = changes.map((c) => c.id);
  const secrets =
    changeIds.length === 0
      ? []
      : await db
          .selectFrom('record_secrets')
          .select(['change_id', 'field', 'value'])
          .where('change_id', 'in', changeIds)
          .orderBy('change_id')
          .orderBy('field')
          .execute();
  const position = new Map(changeIds.map((id, i) => [id, i]));
  const incidents =
    ids('incident').length === 0
      ? []
      : await db
          .selectFrom('incidents')
          .selectAll()
          .where('id', 'in', [...new Set(ids('incident'))])
          .execute();
  const events =
    ids('incident_event').length === 0
      ? []
      : await db
          .selectFrom('incident_events')
          .selectAll()
          .where('id', 'in', ids('incident_event'))
          .orderBy('seq')
          .execute();
  const reports =
    ids('report').length === 0
      ? []
      : await db.selectFrom('reports').selectAll().where('id', 'in', ids('report')).execute();
  const grid = async (table: 'incident_grid' | 'incident_coarse_grid') =>
    new Map(
      (await db.selectFrom(table).selectAll().execute()).map((g) => [
        `${g.level}|${g.gx}|${g.gy}|${g.status}|${g.event_type}`,
        { n: g.n, violations: g.violations, sum_lon: g.sum_lon, sum_lat: g.sum_lat },
      ]),
    );
  return {
    // The log's order and content; commitments differ only by their random salts.
    changes: changes.map(({ id: _id, payload, ...c }) => {
      const p = payload as { public: unknown; commitments: Record<string, string> };
      return norm({ ...c, public: p.public, committed: Object.keys(p.commitments).sort() });
    }),
    secrets: secrets.map((s) => norm({ change: position.get(s.change_id), field: s.field, value: s.value })),
    incidents: byLabel(incidents),
    // Events in commit order (seq), without the seq itself.
    events: events.map(({ seq: _seq, ...e }) => norm(e)),
    reports: byLabel(reports),
    grids: { incident_grid: await grid('incident_grid'), incident_coarse_grid: await grid('incident_coarse_grid') },
  };
}

const lastChange = async (db: Kysely<DB>) =>
  Number(
    (await sql<{ m: string | number | null }>`select max(id) as m from record_changes`.execute(db)).rows[0]!.m ?? 0,
  );

class RolledBack extends Error {
  constructor(readonly snap: Snapshot) {
    super('rolled back');
  }
}

test('an import publishes exactly what filing its rows one by one writes', async () => {
  const rows = await fileRows();
  const content = [HEADER, ...rows.map(line)].join('\n') + '\n';
  const since = await lastChange(deps.db);
  const gridBefore = (await snapshot(deps.db, since)).grids;

  // One by one, as POST /api/reports files each (same clock), then rolled back.
  const parsed = await parseImport(content, 'csv', 1000);
  assert.deepEqual(parsed.errors, []);
  const places: ReportPlace[] = [];
  for (const r of parsed.rows) places.push(await prepareReport(deps.db, r.input, now));
  let oneByOne: Snapshot | undefined;
  try {
    await deps.db.transaction().execute(async (tx) => {
      for (const [i, r] of parsed.rows.entries())
        await insertReport(tx, (c) => appendChange(tx, c), r.input, places[i]!, actor, now);
      throw new RolledBack(await snapshot(tx, since));
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
    oneByOne = err.snap;
  }
  if (!oneByOne) assert.fail('the one-by-one filing did not run');
  const expected: Snapshot = oneByOne;
  assert.equal(await lastChange(deps.db), since, 'the one-by-one filing was rolled back');

  const result = await importReports(deps, actor, content, 'csv');
  const imported = await snapshot(deps.db, since);

  // The file exercises every case: several reports per incident, joins of an incident on record.
  assert.equal(result.created, rows.length);
  const incidentChanges = imported.changes.filter((c) => (c as { record_kind: string }).record_kind === 'incident') as {
    op: string;
    version: number;
  }[];
  assert.ok(incidentChanges.filter((c) => c.op === 'update').length >= 6, JSON.stringify(incidentChanges));
  assert.ok(
    incidentChanges.some((c) => c.op === 'update' && c.version > 2),
    'an incident on record was joined',
  );
  assert.equal(result.incidents, new Set(imported.reports.map((r) => (r as { incident_id: string }).incident_id)).size);

  assert.deepEqual(imported.changes, expected.changes);
  assert.deepEqual(imported.secrets, expected.secrets);
  assert.deepEqual(imported.incidents, expected.incidents);
  assert.deepEqual(imported.events, expected.events);
  assert.deepEqual(imported.reports, expected.reports);
  for (const table of ['incident_grid', 'incident_coarse_grid'] as const) {
    const a = imported.grids[table];
    const b = expected.grids[table];
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), table);
    for (const [key, g] of a) {
      const o = b.get(key)!;
      // Counts exactly; coordinate sums up to float rounding (the import adds each cell once).
      assert.deepEqual({ n: g.n, violations: g.violations }, { n: o.n, violations: o.violations }, `${table} ${key}`);
      assert.ok(Math.abs(g.sum_lon - o.sum_lon) < 1e-9 && Math.abs(g.sum_lat - o.sum_lat) < 1e-9, `${table} ${key}`);
    }
    assert.notDeepEqual([...a.entries()], [...gridBefore[table].entries()], `${table} changed`);
  }
});
