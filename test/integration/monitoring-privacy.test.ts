/**
 * What of monitoring reaches people outside the monitoring team: the public log holds locations
 * rounded to 0.01 degree and only commitments of the exact points (reports, incidents, and the
 * reports moved by a merge); parties and liaisons see rounded points, rounded map cells and no
 * monitor's name. Also the guards of the security review: a merged incident picked before its
 * lock is not joined, the import refuses an observer before reading the body, a monitor cannot
 * take work from another organisation's monitor, the version guard of an incident update holds,
 * and an import cannot skip another account's clientId as a "repeat".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { actorOf } from '../support/api.ts';
import { fileReport } from '../../src/services/monitoring/reports.ts';
import { updateIncident } from '../../src/services/monitoring/incident-writes.ts';
import { writeWithLog } from '../../src/services/write.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { CreateReport } from '../../src/contract/monitoring.ts';
import { backendPid, noteSerialOnPGlite, waitUntilBlockedBy } from '../support/locks.ts';

const input = (b: ReturnType<typeof body>) => CreateReport.parse(b);

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let un: SignedInClient;
let eu: SignedInClient;
let observer: SignedInClient;
let liaison: SignedInClient;
let unActor: Actor;
let slot = 0;

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  [un, eu, observer, liaison] = await Promise.all([
    signInAs(server.url, 'monitor.un@truce.example'),
    signInAs(server.url, 'monitor.eu@truce.example'),
    signInAs(server.url, 'observer.il@truce.example'),
    signInAs(server.url, 'liaison.id@truce.example'),
  ]);
  unActor = await actorOf(deps, 'monitor.un@truce.example');
});
after(async () => {
  await server.close();
  await tdb.close();
});

/** Each call in its own time slot, so no two group into one incident unless asked to. */
function body(lonLat: [number, number], over: Record<string, unknown> = {}) {
  slot += 1;
  return {
    clientId: randomUUID(),
    occurredAt: new Date(Date.now() - slot * 5 * 3600_000).toISOString(),
    location: { type: 'Point' as const, coordinates: lonLat },
    eventType: 'Explosions/Remote violence',
    subEventType: 'Air/drone strike',
    description: 'Strike on the house next to the clinic.',
    source: { kind: 'public' as const, name: 'Neighbour at number 12' },
    ...over,
  };
}

interface Payload {
  public: Record<string, unknown>;
  commitments: Record<string, string>;
}

async function changesOf(kind: string, id: string): Promise<{ op: string; payload: Payload }[]> {
  const rows = await deps.db
    .selectFrom('record_changes')
    .select(['op', 'payload', 'version'])
    .where('record_kind', '=', kind)
    .where('record_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    op: r.op,
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Payload,
  }));
}

function assertNoExactPoint(p: Payload, exact: [number, number], what: string): void {
  const text = JSON.stringify(p);
  assert.ok(
    !text.includes(String(exact[0])) && !text.includes(String(exact[1])),
    `${what}: no exact coordinate in the public payload (${text.slice(0, 400)})`,
  );
  assert.equal(p.public.lon, Math.round(exact[0] * 100) / 100, `${what}: rounded longitude`);
  assert.equal(p.public.lat, Math.round(exact[1] * 100) / 100, `${what}: rounded latitude`);
  assert.match(p.commitments.exactLon ?? '', /^[0-9a-f]{64}$/, `${what}: commitment to the exact longitude`);
  assert.match(p.commitments.exactLat ?? '', /^[0-9a-f]{64}$/, `${what}: commitment to the exact latitude`);
}

test('the public log holds rounded locations and commitments of the exact ones, for reports and incidents, through merge and split', async () => {
  const a: [number, number] = [34.45678, 31.50432];
  const b: [number, number] = [34.36123, 31.41987];
  const ra = await un.client.call('createReport', { body: body(a) });
  const rb = await un.client.call('createReport', { body: body(b) });
  await un.client.call('mergeIncidents', {
    params: { id: ra.incidentId },
    body: { incidentIds: [rb.incidentId], rationale: 'same strike' },
  });
  await un.client.call('splitIncident', {
    params: { id: ra.incidentId },
    body: { reportIds: [rb.id], rationale: 'two strikes after all' },
  });
  await un.client.call('transitionIncident', {
    params: { id: ra.incidentId },
    body: { to: 'preliminary', rationale: 'credible' },
  });
  const reportB = await changesOf('report', rb.id);
  assert.deepEqual(
    reportB.map((c) => c.op),
    ['create', 'merge', 'split'],
  );
  for (const c of reportB) assertNoExactPoint(c.payload, b, `report ${c.op}`);
  for (const c of await changesOf('report', ra.id)) assertNoExactPoint(c.payload, a, `report ${c.op}`);
  const incidentA = await changesOf('incident', ra.incidentId);
  assert.ok(incidentA.length >= 3);
  for (const c of incidentA) assertNoExactPoint(c.payload, a, `incident ${c.op}`);
  const split = await un.client.call('getIncident', { params: { id: rb.id } }).catch(() => null);
  assert.equal(split, null, 'a report id is not an incident id');
  const moved = await deps.db
    .selectFrom('reports')
    .select('incident_id')
    .where('id', '=', rb.id)
    .executeTakeFirstOrThrow();
  for (const c of await changesOf('incident', moved.incident_id))
    assertNoExactPoint(c.payload, b, `split incident ${c.op}`);
  // The exact values are kept apart, as restricted secrets.
  const secrets = await deps.db
    .selectFrom('record_secrets')
    .innerJoin('record_changes', 'record_changes.id', 'record_secrets.change_id')
    .select(['record_secrets.field', 'record_secrets.value'])
    .where('record_changes.record_id', '=', ra.id)
    .execute();
  assert.deepEqual(
    secrets.filter((s) => s.field === 'exactLon').map((s) => JSON.parse(String(s.value)) as number),
    [a[0]],
  );
});

test('observers and liaisons see rounded points and clusters, and that an incident is assigned, not to whom', async () => {
  const exact: [number, number] = [34.47321, 31.51876];
  const r = await un.client.call('createReport', { body: body(exact) });
  await un.client.call('assignIncident', {
    params: { id: r.incidentId },
    body: { assigneeUserId: unActor.userId, note: '' },
  });
  const team = await un.client.call('getIncident', { params: { id: r.incidentId } });
  assert.deepEqual(team.location.coordinates, exact);
  assert.deepEqual(team.reports[0]?.location.coordinates, exact);
  assert.equal(team.assigneeName, 'Demo Monitor (UN)');
  assert.equal(team.assigneeUserId, unActor.userId);
  for (const viewer of [observer, liaison]) {
    const seen = await viewer.client.call('getIncident', { params: { id: r.incidentId } });
    assert.deepEqual(seen.location.coordinates, [34.47, 31.52]);
    assert.deepEqual(seen.reports[0]?.location.coordinates, [34.47, 31.52]);
    assert.equal(seen.assigned, true);
    assert.equal(seen.assigneeName, null);
    assert.equal(seen.assigneeUserId, null);
    assert.equal(seen.assigneeOrganisationName, 'United Nations');
    const listed = (await viewer.client.call('listIncidents', { query: {} })).items.find((i) => i.id === r.incidentId);
    assert.deepEqual(listed?.location.coordinates, [34.47, 31.52]);
    assert.equal(listed?.assigneeName, null);
    assert.equal(listed?.assigneeUserId, null);
    // Street-level zooms, with and without a filter only the incidents themselves answer.
    for (const query of [
      { bbox: '34.46,31.51,34.48,31.53', zoom: 18 },
      { bbox: '34.46,31.51,34.48,31.53', zoom: 14 },
      { bbox: '34.46,31.51,34.48,31.53', zoom: 18, from: '2020-01-01T00:00:00Z' },
    ]) {
      const clusters = await viewer.client.call('incidentClusters', { query });
      assert.ok(clusters.cellDegrees >= 0.01, `cell ${clusters.cellDegrees} at zoom ${query.zoom}`);
      assert.ok(clusters.items.length > 0);
      for (const c of clusters.items) {
        assert.equal(c.lon, Math.round(c.lon * 100) / 100, `rounded cluster lon at zoom ${query.zoom}`);
        assert.equal(c.lat, Math.round(c.lat * 100) / 100, `rounded cluster lat at zoom ${query.zoom}`);
      }
    }
  }
  // At street level the incident is still its own (rounded) point, so a party can open it from the map.
  const street = await observer.client.call('incidentClusters', {
    query: { bbox: '34.46,31.51,34.48,31.53', zoom: 18 },
  });
  assert.ok(street.items.some((c) => c.incidentId === r.incidentId && c.lon === 34.47 && c.lat === 31.52));
  const close = await un.client.call('incidentClusters', { query: { bbox: '34.46,31.51,34.48,31.53', zoom: 18 } });
  assert.ok(
    close.items.some((c) => c.lon === exact[0] && c.lat === exact[1]),
    'the monitoring team still sees the exact point',
  );
});

/**
 * Holds the incident's row lock, starts `compete` and, on PostgreSQL, lets go only once `compete`
 * is blocked on that lock, after `change` (the state the competing work must notice once it has
 * the lock). Without the service's re-check after locking, PostgreSQL's run fails: the report
 * picked the open candidate before the lock and would join it. On PGlite (one session) `compete`
 * starts after the commit and sees `change` from the start.
 */
async function raceOnIncidentLock<T>(
  candidate: string,
  compete: () => Promise<T>,
  change: (tx: typeof deps.db) => Promise<unknown>,
): Promise<T> {
  let pending: Promise<T> | undefined;
  await deps.db.transaction().execute(async (tx) => {
    await tx.selectFrom('incidents').select('id').where('id', '=', candidate).forUpdate().execute();
    pending = compete();
    if (deps.engine === 'postgres') await waitUntilBlockedBy(deps.db, await backendPid(tx));
    await change(tx);
  });
  return pending!;
}

test('a candidate incident merged away while the report waited for its lock is not joined: a new incident opens (PGlite serialises: the serial outcome)', async (t) => {
  noteSerialOnPGlite(t, deps.engine);
  const point: [number, number] = [34.31, 31.36];
  const first = body(point);
  const filed = await fileReport(deps, unActor, input(first));
  const candidate = filed.report.incident_id;
  const other = (await fileReport(deps, unActor, input(body([34.26, 31.3])))).report.incident_id;
  const again = { ...body(point), occurredAt: first.occurredAt };
  // The second report picks the (still open) candidate, then waits for the row lock.
  const second = await raceOnIncidentLock(
    candidate,
    () => fileReport(deps, unActor, input(again)),
    (tx) =>
      tx.updateTable('incidents').set({ merged_into: other, report_count: 0 }).where('id', '=', candidate).execute(),
  );
  assert.notEqual(second.report.incident_id, candidate, 'the merged incident must not take the report');
  const row = await deps.db
    .selectFrom('incidents')
    .select(['report_count', 'merged_into'])
    .where('id', '=', candidate)
    .executeTakeFirstOrThrow();
  assert.equal(row.report_count, 0);
});

test('an incident no longer open for reports (proposed for ruling) after the lock is not joined either (PGlite serialises: the serial outcome)', async (t) => {
  noteSerialOnPGlite(t, deps.engine);
  const point: [number, number] = [34.33, 31.32];
  const first = body(point);
  const candidate = (await fileReport(deps, unActor, input(first))).report.incident_id;
  const second = await raceOnIncidentLock(
    candidate,
    () => fileReport(deps, unActor, input({ ...body(point), occurredAt: first.occurredAt })),
    (tx) =>
      tx
        .updateTable('incidents')
        .set({ status: 'ruling_proposed', outcome: 'no_violation', ruling_round: 1 })
        .where('id', '=', candidate)
        .execute(),
  );
  assert.notEqual(second.report.incident_id, candidate);
});

test('the version guard of an incident update: a stale version is a 409 and changes nothing', async () => {
  const r = await un.client.call('createReport', { body: body([34.29, 31.28]) });
  const stale = await deps.db
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', r.incidentId)
    .executeTakeFirstOrThrow();
  await deps.db
    .updateTable('incidents')
    .set({ version: stale.version + 1 })
    .where('id', '=', r.incidentId)
    .execute();
  const changes = async () =>
    (await deps.db.selectFrom('record_changes').select('id').where('record_id', '=', r.incidentId).execute()).length;
  const before = await changes();
  await assert.rejects(
    writeWithLog(deps, (tx, record) =>
      updateIncident(tx, record, stale, { title: 'overwritten' }, 'update', unActor, new Date()),
    ),
    (e: unknown) => e instanceof ServiceError && e.status === 409,
  );
  const row = await deps.db
    .selectFrom('incidents')
    .select('title')
    .where('id', '=', r.incidentId)
    .executeTakeFirstOrThrow();
  assert.notEqual(row.title, 'overwritten');
  assert.equal(await changes(), before);
});

test("a monitor cannot take over or un-assign an incident another organisation's monitor works on", async () => {
  const r = await un.client.call('createReport', { body: body([34.44, 31.49]) });
  await un.client.call('assignIncident', {
    params: { id: r.incidentId },
    body: { assigneeUserId: unActor.userId, note: 'mine' },
  });
  const euUser = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'monitor.eu@truce.example')
    .executeTakeFirstOrThrow();
  await assert.rejects(
    eu.client.call('assignIncident', {
      params: { id: r.incidentId },
      body: { assigneeUserId: euUser.id, note: 'taking it' },
    }),
    (e: ApiError) => e.status === 403,
  );
  await assert.rejects(
    eu.client.call('assignIncident', {
      params: { id: r.incidentId },
      body: { assigneeUserId: null, note: 'dropping it' },
    }),
    (e: ApiError) => e.status === 403,
  );
  const still = await un.client.call('getIncident', { params: { id: r.incidentId } });
  assert.equal(still.assigneeUserId, unActor.userId);
  // Their own organisation's assignment they may still drop.
  const dropped = await un.client.call('assignIncident', {
    params: { id: r.incidentId },
    body: { assigneeUserId: null, note: '' },
  });
  assert.equal(dropped.assigned, false);
});

async function postImport(
  who: SignedInClient,
  content: BodyInit,
  headers: Record<string, string> = {},
  extra: RequestInit = {},
) {
  return fetch(`${server.url}/api/reports/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...headers },
    body: content,
    ...extra,
  });
}

test('import: an observer is refused (403) before the body is read, even a body that never ends', async () => {
  const big = await postImport(observer, 'x'.repeat(21 * 1024 * 1024));
  assert.equal(big.status, 403);
  let pulls = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      if (pulls <= 2) controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      // then never closes: a server reading the whole body would wait forever
    },
  });
  const res = await postImport(observer, endless, {}, {
    duplex: 'half',
    signal: AbortSignal.timeout(5000),
  } as RequestInit);
  assert.equal(res.status, 403);
});

test('import: a body over the limit without Content-Length is refused while streaming (413)', async () => {
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += 1;
      if (sent > 25) controller.close();
      else controller.enqueue(chunk);
    },
  });
  const res = await postImport(un, stream, {}, { duplex: 'half' } as RequestInit);
  assert.equal(res.status, 413);
});

test("import: another account's clientId is a bad row (not a skipped repeat); the account's own is skipped", async () => {
  const theirs = await un.client.call('createReport', { body: body([34.45, 31.5]) });
  const csv = [
    'client_id,occurred_at,event_type,sub_event_type,longitude,latitude,notes,source',
    `${theirs.clientId},${new Date(Date.now() - 2 * 3600_000).toISOString()},Explosions/Remote violence,Air/drone strike,34.45,31.5,strike,radio`,
  ].join('\n');
  const res = await postImport(eu, csv);
  const text = await res.text();
  assert.equal(res.status, 400, text);
  assert.match(text, /line 2: clientId/);
  const own = await postImport(un, csv);
  assert.equal(own.status, 201, await own.clone().text());
  assert.equal(((await own.json()) as { repeats: number }).repeats, 1);
});

test('import: a clientId filed by someone else while the import writes is a 409 with nothing stored, not a 500 (PGlite serialises: a 400)', async (t) => {
  noteSerialOnPGlite(t, deps.engine);
  const clientId = randomUUID();
  const csv = [
    'client_id,occurred_at,event_type,sub_event_type,longitude,latitude,notes,source',
    `${clientId},${new Date(Date.now() - 3 * 3600_000).toISOString()},Explosions/Remote violence,Air/drone strike,34.42,31.47,strike,radio`,
  ].join('\n');
  const template = await deps.db
    .selectFrom('reports')
    .selectAll()
    .where('author_user_id', '=', unActor.userId)
    .limit(1)
    .executeTakeFirstOrThrow();
  const before = (await deps.db.selectFrom('reports').select('id').execute()).length;
  let pending: Promise<Response> | undefined;
  await deps.db.transaction().execute(async (tx) => {
    // Another filing of the same clientId, not yet committed when the import checks and writes.
    await tx
      .insertInto('reports')
      .values({
        ...template,
        id: randomUUID(),
        client_id: clientId,
        observations: '{}',
        actor1: null,
        actor2: null,
        fatalities: '{}',
        injuries: '{}',
        facts: '{}',
        evidence: '[]',
      })
      .execute();
    pending = postImport(eu, csv);
    // PostgreSQL: commit only once the import is blocked on the unique index behind this
    // transaction, so it checked before the commit and writes after it (a sleep let a slow import
    // start after the commit and pass as a 400 without any race).
    if (deps.engine === 'postgres') await waitUntilBlockedBy(deps.db, await backendPid(tx));
  });
  const res = await pending!;
  if (deps.engine === 'postgres') {
    // The import checked before the other filing committed, then met it on the unique index.
    assert.equal(res.status, 409, await res.clone().text());
  } else {
    // PGlite runs one transaction at a time: the import only starts checking after the commit,
    // so it finds another account's clientId and names the row.
    assert.equal(res.status, 400, await res.clone().text());
  }
  assert.equal((await deps.db.selectFrom('reports').select('id').execute()).length, before + 1);
});
