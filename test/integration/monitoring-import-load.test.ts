/**
 * Bulk import under load (issue 10, finding 8): other users are served while an import runs
 * (the bench measures their p95 during a 10,000-row one), the import is all or nothing for
 * readers and for the log, its limits hold, a plan gone stale is made again, and an import a
 * crash abandoned leaves nothing visible and is swept.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import type { Deps } from '../../src/services/deps.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { actorOf } from '../support/api.ts';
import { createImport, stageBatch } from '../../src/repositories/monitoring/imports.ts';
import { STALE_MS, sweepImports } from '../../src/services/monitoring/import-sweep.ts';
import { importReports } from '../../src/services/monitoring/import.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let monitor: SignedInClient;
let coordinator: SignedInClient;
let monitorActor: Actor;

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  monitor = await signInAs(server.url, 'monitor.eu@truce.example');
  coordinator = await signInAs(server.url, 'coordinator@truce.example');
  monitorActor = await actorOf(deps, 'monitor.eu@truce.example');
});
after(async () => {
  await server.close();
  await tdb.close();
});

const HEADER =
  'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,latitude,longitude,geo_precision,source,notes,fatalities';
/** Protests in Gaza City on distinct days and places (few group), a type the demo has little of. */
function protestRows(n: number, prefix: string): string[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.now() - (1 + (i % 300)) * 86_400_000).toISOString().slice(0, 10);
    const lat = (31.49 + ((i * 7919) % 2000) / 100_000).toFixed(5);
    const lon = (34.44 + ((i * 104_729) % 3000) / 100_000).toFixed(5);
    return `${prefix}${i},${day},1,Protests,Peaceful protest,Protesters (Palestine),6,${lat},${lon},1,Local media,Protest ${i},0`;
  });
}
const csv = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

function postImport(body: string) {
  return fetch(`${server.url}/api/reports/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: monitor.cookie, 'x-csrf-token': monitor.csrfToken },
    body,
  });
}

/** How many Protests incidents the coordinator's list shows (at most 500: the demo has far fewer). */
async function protestsSeenByCoordinator(): Promise<number> {
  const res = await fetch(`${server.url}/api/incidents?eventType=Protests&limit=500`, {
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

const count = async (
  table: 'reports' | 'record_changes' | 'report_imports' | 'report_import_rows' | 'incidents',
): Promise<number> =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(deps.db)).rows[0]!.n;

/** Enough rows to write in many steps, few enough for the suite; the bench imports 10,000. */
const IMPORTED = 1000;

test(`a read sent while a ${IMPORTED}-row import writes is answered before the import ends, and sees none of it`, async () => {
  const reportsBefore = await count('reports');
  const changesBefore = await count('record_changes');
  const protestsBefore = await protestsSeenByCoordinator();
  assert.ok(protestsBefore < 500);
  const order: string[] = [];
  let read: Promise<number> | undefined;
  let changesWhileWriting: Promise<number> | undefined;
  // The import runs in this process, as an upload to the server would. At its first write step
  // another user reads (not awaited: the import goes on meanwhile).
  const result = await importReports(deps, monitorActor, csv(protestRows(IMPORTED, 'LOAD')), 'csv', (phase) => {
    if (phase === 'check' || read) return;
    changesWhileWriting = count('record_changes');
    read = protestsSeenByCoordinator().then(
      (n) => {
        order.push('read');
        return n;
      },
      // A server whose event loop is held for long refuses even the connection (fetch's 10 s connect timeout).
      (err: unknown) => {
        order.push(
          `read failed: ${err instanceof Error ? String(err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`,
        );
        return -1;
      },
    );
  });
  order.push('import');
  assert.ok(read, 'the import never reported a write step');
  const seen = await read;
  assert.deepEqual(order, ['read', 'import'], 'the read waited for the whole import');
  assert.equal(result.created, IMPORTED);
  // All or nothing for readers and the log: mid-import, nothing of it was visible or logged.
  assert.equal(await changesWhileWriting, changesBefore);
  assert.equal(seen, protestsBefore, 'the read saw part of the import');
  assert.ok((await protestsSeenByCoordinator()) > protestsBefore, 'the import is visible once it answered');
  assert.equal(await count('reports'), reportsBefore + IMPORTED);
  // Staging is cleaned up, and the log's outbox holds every change of the import.
  assert.equal(await count('report_import_rows'), 0);
  assert.equal(await count('report_imports'), 0);
  assert.ok((await count('record_changes')) >= changesBefore + IMPORTED + 2 * result.incidents);
  // Re-running the same file duplicates nothing (derived clientIds).
  const again = await postImport(csv(protestRows(IMPORTED, 'LOAD')));
  assert.deepEqual(await again.json(), { created: 0, repeats: IMPORTED, incidents: 0, logIndex: null });
  assert.equal(await count('reports'), reportsBefore + IMPORTED);
});

test('limits: a file over TRUCE_IMPORT_MAX_ROWS is one error, over TRUCE_IMPORT_MAX_BYTES a 413; nothing written', async () => {
  const before = { reports: await count('reports'), changes: await count('record_changes') };
  deps.importLimits = { maxRows: 50, maxBytes: 16 * 1024 };
  try {
    const rows = await postImport(csv(protestRows(51, 'MANY')));
    assert.equal(rows.status, 400);
    const body = (await rows.json()) as { errors: { path: string; message: string }[]; errorCount: number };
    assert.equal(body.errors.length, 1);
    assert.match(body.errors[0]!.message, /has 51 rows; at most 50 rows per import \(TRUCE_IMPORT_MAX_ROWS\)/);
    const bytes = await postImport(csv(protestRows(40, 'BIG')) + '#'.repeat(16 * 1024));
    assert.equal(bytes.status, 413);
    assert.match(await bytes.text(), /TRUCE_IMPORT_MAX_BYTES/);
  } finally {
    delete deps.importLimits;
  }
  assert.deepEqual({ reports: await count('reports'), changes: await count('record_changes') }, before);
});

test('all or nothing: one bad row at the end of 500 changes nothing', async () => {
  const before = {
    reports: await count('reports'),
    changes: await count('record_changes'),
    incidents: await count('incidents'),
  };
  const rows = protestRows(500, 'TAIL');
  rows.push(
    'TAILX,2025-11-01,1,Protests,Peaceful protest,Protesters (Palestine),6,31.50,34.30,1,Local media,in the sea,0',
  );
  const res = await postImport(csv(rows));
  assert.equal(res.status, 400);
  const body = (await res.json()) as { errors: { path: string }[]; errorCount: number };
  assert.deepEqual(
    body.errors.map((e) => e.path),
    ['line 502: location'],
  );
  assert.equal(body.errorCount, 1);
  assert.deepEqual(
    { reports: await count('reports'), changes: await count('record_changes'), incidents: await count('incidents') },
    before,
  );
  assert.equal(await count('report_import_rows'), 0);
});

test('an incident the plan joins changes before publishing: nothing half-published, the import is planned again', async () => {
  // Today, two hours ago: no other row of this file is within the grouping window.
  const at = new Date(Date.now() - 2 * 3600_000).toISOString();
  const row = (id: string, note: string) => `${id},${at},Protests,Peaceful protest,31.5012,34.4512,Local media,${note}`;
  const file = (id: string, note: string) =>
    `event_id_cnty,occurred_at,event_type,sub_event_type,latitude,longitude,source,notes\n${row(id, note)}\n`;
  assert.equal((await importReports(deps, null, file('JOIN1', 'first account'), 'csv')).created, 1);
  const target = await deps.db
    .selectFrom('reports')
    .select('incident_id')
    .where('description', '=', 'first account')
    .executeTakeFirstOrThrow();
  let publishes = 0;
  const r = await importReports(deps, null, file('JOIN2', 'second account'), 'csv', async (phase, done) => {
    if (phase !== 'publish' || done !== 0 || publishes++ > 0) return;
    // Between staging and publishing, a monitor closes the incident the plan joins.
    await sql`update incidents set status = 'closed', version = version + 1 where id = ${target.incident_id}`.execute(
      deps.db,
    );
  });
  assert.equal(r.created, 1);
  assert.equal(publishes, 2, 'planned once more');
  const second = await deps.db
    .selectFrom('reports')
    .select('incident_id')
    .where('description', '=', 'second account')
    .executeTakeFirstOrThrow();
  assert.notEqual(second.incident_id, target.incident_id, 'joined an incident that no longer takes reports');
  const closedIncident = await deps.db
    .selectFrom('incidents')
    .select(['report_count', 'version'])
    .where('id', '=', target.incident_id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(closedIncident, { report_count: 1, version: 2 });
  // Without the interference, a third account joins the second's incident: report_count + 1, one logged update.
  assert.equal((await importReports(deps, null, file('JOIN3', 'third account'), 'csv')).created, 1);
  const third = await deps.db
    .selectFrom('reports')
    .select('incident_id')
    .where('description', '=', 'third account')
    .executeTakeFirstOrThrow();
  assert.equal(third.incident_id, second.incident_id);
  const joined = await deps.db
    .selectFrom('incidents')
    .select(['report_count', 'version'])
    .where('id', '=', second.incident_id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(joined, { report_count: 2, version: 2 });
  const logged = await deps.db
    .selectFrom('record_changes')
    .select(['version', 'op'])
    .where('record_id', '=', second.incident_id)
    .orderBy('version')
    .execute();
  assert.deepEqual(logged, [
    { version: 1, op: 'create' },
    { version: 2, op: 'update' },
  ]);
});

test('an import abandoned by a crash leaves nothing visible, and its staged rows are swept', async () => {
  const before = { reports: await count('reports'), changes: await count('record_changes') };
  const id = randomUUID();
  const then = new Date(Date.now() - STALE_MS - 60_000);
  await createImport(deps.db, id, null, then);
  const staged = Array.from({ length: 300 }, (_, i) => ({
    target: 'reports' as const,
    row: { id: randomUUID(), seq: i },
  }));
  assert.equal(await stageBatch(deps.db, id, 0, staged, then), true);
  assert.equal(await count('report_import_rows'), 300);
  assert.deepEqual({ reports: await count('reports'), changes: await count('record_changes') }, before);
  await sweepImports(deps);
  assert.equal(await count('report_import_rows'), 0);
  assert.equal(await count('report_imports'), 0);
  // Once swept it can never publish: its next batch is refused.
  assert.equal(await stageBatch(deps.db, id, 300, staged, new Date()), false);
});
