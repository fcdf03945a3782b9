/**
 * Ruled violations from monitoring appear on the provision they cite, on both engines: only
 * incidents ruled or published with the outcome "violation"; allegations, other outcomes and
 * other provisions stay off. A cited, unfulfilled provision is derived as breached.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { fixedClock } from '../../src/adapters/clock.ts';

let tdb: TestDatabase;
let server: TestServer;

before(async () => {
  tdb = await openTestDatabase();
  const deps = testDeps(tdb.database, fixedClock(new Date('2025-11-20T10:00:00Z')));
  await seedDemo(deps);
  server = await startTestServer(deps);
});
after(async () => {
  await server.close();
  await tdb.close();
});

// The monitoring capability owns `incidents` (migration 004); rows are written here in plain SQL
// with only the columns the two capabilities agreed on plus that table's required ones.
async function incident(
  title: string,
  status: string,
  outcome: string | null,
  provisionId: string | null,
  orgId: string,
): Promise<string> {
  const id = randomUUID();
  const at = new Date('2025-11-01T10:00:00Z');
  await sql`
    insert into incidents (id, title, status, outcome, provision_id, responsible_org_id, event_type, sub_event_type, occurred_at, lon, lat, coarse_lon, coarse_lat, created_at, updated_at)
    values (${id}, ${title}, ${status}, ${outcome}, ${provisionId}, ${orgId}, 'Strategic developments', 'Other', ${at}, 34.3, 31.4, 34.3, 31.4, ${at}, ${at})
  `.execute(tdb.database.db);
  return id;
}

test('only ruled or published violations citing a provision appear on it, and make it breached', async () => {
  const { client } = await signInAs(server.url, 'observer.ps@truce.example');
  const before = (await client.call('listProvisions', {})).items;
  // The monitoring demo's jointly ruled strike already breaches the cessation of hostilities.
  const ceasefire = before.find((p) => /Cessation of all military operations/.test(p.title))!;
  assert.equal(ceasefire.status, 'breached');
  assert.equal(ceasefire.violations.length, 1);
  const aid = before.find((p) => /humanitarian aid/.test(p.title))!;
  const bodies = before.find((p) => /15 Gazan bodies/.test(p.title))!;
  const hostages = before.find((p) => /living hostages/.test(p.title))!;
  assert.equal(aid.status, 'late');
  const israel = aid.parties[0]!.id;

  const ruled = await incident('Crossings closed on 19 October', 'ruled', 'violation', aid.id, israel);
  const published = await incident('Convoy turned back at Kissufim', 'published', 'violation', aid.id, israel);
  await incident('Alleged obstruction (not yet ruled)', 'investigating', null, aid.id, israel);
  await incident('Delay ruled not a violation', 'ruled', 'no_violation', bodies.id, israel);
  await incident('Ruled violation on the fulfilled hostages provision', 'published', 'violation', hostages.id, israel);

  const after = (await client.call('listProvisions', {})).items;
  const aidAfter = after.find((p) => p.id === aid.id)!;
  assert.deepEqual(aidAfter.violations.map((v) => v.id).sort(), [ruled, published].sort());
  assert.equal(aidAfter.status, 'breached');
  assert.equal(aidAfter.violations[0]?.responsibleOrgId, israel);
  const bodiesAfter = after.find((p) => p.id === bodies.id)!;
  assert.deepEqual(bodiesAfter.violations, []);
  assert.equal(bodiesAfter.status, 'in_progress');
  const hostagesAfter = after.find((p) => p.id === hostages.id)!;
  assert.equal(hostagesAfter.violations.length, 1);
  assert.equal(
    hostagesAfter.status,
    'fulfilled',
    'a violation does not undo a fulfilled provision; it is shown beside it',
  );

  const summary = await client.call('getComplianceSummary', {});
  assert.equal(summary.overall.byStatus.breached, 2, 'the aid provision and the demo ceasefire provision');
  const csv = await (
    await fetch(`${server.url}/api/exports/provisions.csv`, {
      headers: { cookie: (await signInAs(server.url, 'monitor.un@truce.example')).cookie },
    })
  ).text();
  const aidLine = csv.split('\r\n').find((l) => l.startsWith(aid.id))!;
  assert.match(aidLine, /,breached,.*,2$/, 'the export carries the status and the number of ruled violations');
});
