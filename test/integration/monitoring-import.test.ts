/**
 * Bulk import, by API and by `truce import reports FILE`: ACLED CSV columns and GeoJSON, all or
 * nothing (a bad row is named by its line and nothing is stored), and re-importing a file
 * creates nothing new.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { dbEnv, runCli } from '../support/cli.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import type { Deps } from '../../src/services/deps.ts';
import { derivedClientId } from '../../src/services/monitoring/import-parse.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer | undefined;
let monitor: SignedInClient;

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  monitor = await signInAs(server.url, 'monitor.eu@truce.example');
});
after(async () => {
  await server?.close();
  await tdb.close();
});

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const HEADER =
  'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,latitude,longitude,geo_precision,source,source_scale,notes,fatalities';
const csv = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const GOOD = [
  `PSE9001,${day(2)},1,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Israel (2022-),1,,0,31.505,34.455,1,Local media,Local partner-Other,"Shelling reported east of Gaza City, two injured",0`,
  `PSE9002,${day(2)},1,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Israel (2022-),1,,0,31.506,34.456,1,Wafa,National,Second account of the same shelling,0`,
  `PSE9003,${day(3)},1,Violence against civilians,Attack,Unidentified Armed Group (Palestine),3,Civilians (Palestine),7,31.29,34.25,2,Ma'an News Agency,National,Man shot near Rafah crossing,1`,
];

async function post(body: string, type: string) {
  return fetch(`${server!.url}/api/reports/import`, {
    method: 'POST',
    headers: { 'content-type': type, cookie: monitor.cookie, 'x-csrf-token': monitor.csrfToken },
    body,
  });
}

async function reportCount(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from reports`.execute(deps.db)).rows[0]!.n;
}

test('an ACLED CSV is imported in one go, grouped into incidents; importing it again creates nothing', async () => {
  const before = await reportCount();
  const res = await post(csv(GOOD), 'text/csv');
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { created: 3, repeats: 0, incidents: 2, logIndex: null });
  const shot = await deps.db
    .selectFrom('reports')
    .selectAll()
    .where('client_id', '=', derivedClientId('PSE9003'))
    .executeTakeFirstOrThrow();
  assert.deepEqual(shot.actor2, { name: 'Civilians (Palestine)', interCode: 7 });
  assert.deepEqual(shot.fatalities, { best: 1 });
  assert.equal(shot.source_name, "Ma'an News Agency");
  assert.equal(shot.description, 'Man shot near Rafah crossing');
  const again = await post(csv(GOOD), 'text/csv');
  assert.deepEqual(await again.json(), { created: 0, repeats: 3, incidents: 0, logIndex: null });
  assert.equal(await reportCount(), before + 3);
});

test('one bad row: 400 naming its line, and nothing of the file is stored', async () => {
  const before = await reportCount();
  const bad = csv([
    `PSE9101,${day(1)},1,Battles,Armed clash,A,1,B,2,31.42,34.35,1,S,National,fine row,0`,
    `PSE9102,${day(1)},1,Battles,Armed clash,A,1,B,2,31.50,34.30,1,S,National,in the sea,0`,
    `PSE9103,${day(1)},1,Battles,Shelling,A,1,B,2,31.42,34.35,1,S,National,wrong sub-type,0`,
    `PSE9104,2019-01-01,1,Battles,Armed clash,A,1,B,2,31.42,34.35,1,S,National,too old,0`,
  ]);
  const res = await post(bad, 'text/csv');
  assert.equal(res.status, 400);
  const problem = (await res.json()) as { errors: { path: string }[] };
  const paths = problem.errors.map((e) => e.path);
  assert.ok(paths.includes('line 3: location'), JSON.stringify(paths));
  assert.ok(
    paths.some((p) => p.startsWith('line 4: subEventType')),
    JSON.stringify(paths),
  );
  assert.ok(paths.includes('line 5: occurredAt'), JSON.stringify(paths));
  assert.ok(!paths.some((p) => p.startsWith('line 2')));
  assert.equal(await reportCount(), before);
  assert.equal((await post('a,b\n1,2\n', 'application/zip')).status, 415);
});

test('a file of many bad rows gets its first 100 errors and their count, a small answer, and nothing stored', async () => {
  const before = await reportCount();
  const rows = Array.from(
    { length: 5_000 },
    (_, i) =>
      `PSE8${String(i).padStart(5, '0')},not-a-date,1,Battles,Armed clash,A,1,B,2,31.42,34.35,1,S,National,row ${i},0`,
  );
  const res = await post(csv(rows), 'text/csv');
  assert.equal(res.status, 400);
  const text = await res.text();
  const problem = JSON.parse(text) as { errors: { path: string }[]; errorCount: number; detail: string };
  assert.equal(problem.errors.length, 100, 'the first 100 errors are listed');
  assert.equal(problem.errors[0]!.path.startsWith('line 2'), true, 'in file order');
  assert.ok(problem.errorCount >= 5_000, `all are counted (${problem.errorCount})`);
  assert.match(problem.detail, /first 100 of/);
  assert.ok(text.length < 50_000, `the answer stays small (${text.length} bytes)`);
  assert.equal(await reportCount(), before);
});

test('GeoJSON features are imported; a bad feature is named by its number', async () => {
  const feature = (lon: number, lat: number, extra: Record<string, unknown> = {}) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      occurredAt: new Date(Date.now() - 7200_000).toISOString(),
      eventType: 'Strategic developments',
      subEventType: 'Looting/property destruction',
      description: 'Warehouse looted',
      source: { kind: 'ngo', name: 'WFP' },
      ...extra,
    },
  });
  const bad = await post(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [feature(34.35, 31.42), feature(34.35, 31.42, { eventType: 'Nope' })],
    }),
    'application/geo+json',
  );
  assert.equal(bad.status, 400);
  assert.ok(
    ((await bad.json()) as { errors: { path: string }[] }).errors.some((e) => e.path === 'feature 2: eventType'),
  );
  const ok = await post(
    JSON.stringify({ type: 'FeatureCollection', features: [feature(34.35, 31.42), feature(34.3, 31.345)] }),
    'application/geo+json',
  );
  assert.equal(ok.status, 201);
  assert.equal(((await ok.json()) as { created: number }).created, 2);
});

test('truce import reports FILE: the same import from the command line, with line numbers for bad rows', async () => {
  await server!.close();
  server = undefined;
  if (tdb.database.engine === 'pglite') await tdb.database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-import-'));
  const good = path.join(dir, 'acled.csv');
  fs.writeFileSync(
    good,
    csv([
      `PSE9201,${day(4)},1,Riots,Mob violence,Rioters (Palestine),5,,0,31.53,34.485,1,Local,Local partner-Other,Crowd attacked an aid truck,0`,
    ]),
  );
  const badFile = path.join(dir, 'bad.csv');
  fs.writeFileSync(
    badFile,
    csv([
      `PSE9202,${day(4)},1,Riots,Mob violence,,0,,0,31.53,34.485,1,,,,0`,
      `PSE9203,${day(4)},1,Riots,Mob violence,,0,,0,40,34.485,1,L,,outside,0`,
    ]),
  );
  const env = dbEnv(tdb);
  const r = await runCli(['import', 'reports', good, '--as', 'monitor.un@truce.example'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /imported 1 reports into 1 incidents; 0 already known/);
  const b = await runCli(['import', 'reports', badFile], env);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /line 2: description/);
  assert.match(b.stderr, /line 3: location/);
  assert.match(b.stderr, /nothing was imported/);
  const again = await runCli(['import', 'reports', good], env);
  assert.match(again.stdout, /imported 0 reports into 0 incidents; 1 already known/);
  const db = await openTestDatabase.reopen(tdb);
  const rows = await db.db
    .selectFrom('reports')
    .select(['sub_event_type', 'author_org_id'])
    .where('description', '=', 'Crowd attacked an aid truck')
    .execute();
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0]!.author_org_id, null);
  if (db !== tdb.database) await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
