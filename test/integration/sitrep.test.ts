/**
 * The daily situation report over the demo: one Asia/Gaza day of monitoring, force, handover and
 * compliance, as JSON, as Markdown, and from the CLI; a party observer gets it too.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { dbEnv, runCli } from '../support/cli.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ApiError } from '../../src/contract/client.ts';

let tdb: TestDatabase;
let server: TestServer;

before(async () => {
  tdb = await openTestDatabase();
  await seedDemo(testDeps(tdb.database));
  server = await startTestServer(testDeps(tdb.database));
});
after(async () => {
  await server.close().catch(() => undefined);
  await tdb.close();
});

test('13 October 2025: the releases of that day, statuses as they stood that evening', async () => {
  const { client } = await signInAs(server.url, 'observer.ps@truce.example');
  const r = await client.call('getSitrep', { query: { date: '2025-10-13' } });
  assert.equal(r.from, '2025-10-12T21:00:00.000Z');
  assert.equal(
    r.compliance.deliveriesThatDay,
    7,
    'two hostage handovers, two prisoner and two detainee convoys, one return of remains',
  );
  assert.ok((r.compliance.byStatus.fulfilled ?? 0) >= 3, JSON.stringify(r.compliance.byStatus));
  assert.ok(!r.compliance.late.some((p) => /living hostages/.test(p.title)), 'released within 72 hours');
  assert.ok(r.monitoring.totals.reports > 0);
});

test('15 April 2026: the handover findings of that day, as Markdown too', async () => {
  const { client, cookie } = await signInAs(server.url, 'coordinator@truce.example');
  const r = await client.call('getSitrep', { query: { date: '2026-04-15' } });
  assert.ok(
    r.handover.some((f) => f.kind === 'overcommitted' && f.sectorName === 'Deir Al Balah'),
    JSON.stringify(r.handover),
  );
  assert.ok(r.force.required > 0);
  const md = await fetch(`${server.url}/api/sitrep.md?date=2026-04-15`, { headers: { cookie } });
  assert.equal(md.status, 200);
  assert.match(md.headers.get('content-type') ?? '', /text\/markdown/);
  const text = await md.text();
  assert.match(text, /^# Situation report, 2026-04-15 \(Asia\/Gaza\)/);
  assert.match(text, /\*\*overcommitted\*\* in Deir Al Balah/);
  assert.equal((await fetch(`${server.url}/api/sitrep.md?date=yesterday`, { headers: { cookie } })).status, 400);
  await assert.rejects(client.call('getSitrep', { query: { date: '15/04/2026' } }), (e: ApiError) => e.status === 400);
});

test('decisions awaiting answers and late action items, as each reader may see them', async () => {
  const coordinator = (await signInAs(server.url, 'coordinator@truce.example')).client;
  const r = await coordinator.call('getSitrep', { query: {} });
  const italy = r.consent.awaiting.find((d) => d.title === "Admit Italy's engineers to the force");
  assert.deepEqual(italy?.awaiting, ['Israel'], JSON.stringify(r.consent.awaiting));
  const minutes = r.consent.awaiting.find((d) => /minutes of the Paris conference/.test(d.title));
  assert.deepEqual([...(minutes?.awaiting ?? [])].sort(), ['Egypt', 'Qatar', 'United States']);
  assert.deepEqual(
    r.consent.lateActions.map((a) => [a.owner, a.dueOn]),
    [['Italy', '2025-10-31']],
    'the debrief was done; the mandate elements are not yet due',
  );
  assert.deepEqual(r.consent.blocked, []);

  // A party reads only the decisions that ask it or concern it, and the meetings it attended.
  const party = (await signInAs(server.url, 'observer.ps@truce.example')).client;
  const p = await party.call('getSitrep', { query: {} });
  assert.ok(!p.consent.awaiting.some((d) => d.id === italy?.id), 'not asked, not its contribution');
  assert.deepEqual(p.consent.lateActions, [], 'not at the Paris meeting');

  const { cookie } = await signInAs(server.url, 'coordinator@truce.example');
  const text = await (await fetch(`${server.url}/api/sitrep.md`, { headers: { cookie } })).text();
  assert.match(text, /## Decisions and consent/);
  assert.match(text, /- Awaiting Israel: Admit Italy's engineers to the force/);
  assert.match(text, /- Action item late: State what Italy would contribute/);
});

test('truce sitrep prints the same report from the console', async () => {
  // The embedded database admits one process: let the CLI take DATA_DIR (the last test of the file).
  await server.close();
  if (tdb.database.engine === 'pglite') await tdb.database.close();
  const r = await runCli(['sitrep', '--date', '2026-04-15'], dbEnv(tdb));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /## Handover/);
  assert.match(r.stdout, /overcommitted/);
  const bad = await runCli(['sitrep', '--date', 'tomorrow'], dbEnv(tdb));
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--date/);
});
