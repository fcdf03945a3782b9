/**
 * Live updates and evidence: two app servers on one database (on PostgreSQL each with its own
 * pool and LISTEN connection, as two machines would be; on PGlite one process, so in-process),
 * a browser-like SSE client on one server hears a report filed on the other within a second.
 * Evidence files are stored by SHA-256, type-checked and size-limited.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, createHash } from 'node:crypto';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import type { Deps } from '../../src/services/deps.ts';

let tdb: TestDatabase;
let second: Database | undefined;
let depsA: Deps;
let depsB: Deps;
let serverA: TestServer;
let serverB: TestServer;
let monitorA: SignedInClient;
let observerB: SignedInClient;

before(async () => {
  tdb = await openTestDatabase();
  depsA = testDeps(tdb.database);
  await seedDemo(depsA);
  if (tdb.database.engine === 'postgres') {
    second = await openDatabase({ databaseUrl: tdb.url, dataDir: tdb.dataDir, holder: 'test (second server)' });
    depsB = testDeps(second);
  } else {
    depsB = depsA;
  }
  serverA = await startTestServer(depsA);
  serverB = await startTestServer(depsB);
  monitorA = await signInAs(serverA.url, 'monitor.un@truce.example');
  observerB = await signInAs(serverB.url, 'observer.ps@truce.example');
});
after(async () => {
  await serverA.close();
  await serverB.close();
  await depsA.events.close();
  if (second) {
    await depsB.events.close();
    await second.close();
  }
  await tdb.close();
});

/** Opens an SSE stream and collects its events until aborted. */
async function openStream(url: string, cookie: string) {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/monitoring/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const events: { event: string; data: string }[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data });
          for (const w of waiters.splice(0)) w();
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (pred: (e: { event: string; data: string }) => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = events.find(pred);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, left);
      });
    }
  };
  return { waitFor, close: () => abort.abort() };
}

test('a report filed on server A reaches an SSE client of server B within a second', async () => {
  const stream = await openStream(serverB.url, observerB.cookie);
  assert.ok(await stream.waitFor((e) => e.event === 'ready', 2000), 'the stream opens');
  const t0 = Date.now();
  const r = await monitorA.client.call('createReport', {
    body: {
      clientId: randomUUID(),
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      location: { type: 'Point', coordinates: [34.3, 31.345] },
      eventType: 'Battles',
      subEventType: 'Armed clash',
      description: 'Exchange of fire at the checkpoint.',
      source: { kind: 'un', name: 'UNTSO' },
    },
  });
  const heard = await stream.waitFor(
    (e) => e.event === 'incident' && (JSON.parse(e.data) as { id: string }).id === r.incidentId,
    1000,
  );
  assert.ok(heard, 'server B told its client about the new incident');
  assert.ok(Date.now() - t0 < 1500);
  // A status change is heard too; the event carries no content, only what to refetch.
  await monitorA.client.call('transitionIncident', {
    params: { id: r.incidentId },
    body: { to: 'preliminary', rationale: 'two sources' },
  });
  const changed = await stream.waitFor(
    (e) => e.event === 'incident' && e.data.includes(r.incidentId) && e !== heard,
    1000,
  );
  assert.ok(changed);
  assert.deepEqual(Object.keys(JSON.parse(changed.data) as object).sort(), ['at', 'id', 'topic']);
  stream.close();
});

test('the stream needs an account that may read incidents', async () => {
  const res = await fetch(`${serverB.url}/api/monitoring/events`);
  assert.equal(res.status, 401);
  await res.arrayBuffer();
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('not really pixels but the header is right'),
]);

async function upload(body: Buffer, type: string, who = monitorA) {
  return fetch(`${serverA.url}/api/evidence`, {
    method: 'POST',
    headers: { 'content-type': type, cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    body: new Uint8Array(body),
  });
}

test('evidence is stored by SHA-256, once, type-checked and size-limited; reports cite it', async () => {
  const res = await upload(PNG, 'image/png');
  assert.equal(res.status, 201);
  const stored = (await res.json()) as { sha256: string; size: number };
  assert.equal(stored.sha256, createHash('sha256').update(PNG).digest('hex'));
  assert.equal((await upload(PNG, 'image/png')).status, 201);
  // The typed client (web UI, CLI) sends an upload route's body as the raw file with its media type.
  const viaClient = await monitorA.client.call('uploadEvidence', {
    body: { mediaType: 'image/png', bytes: new Uint8Array(PNG) },
  });
  assert.equal(viaClient.sha256, stored.sha256);
  const rows = await depsA.db.selectFrom('evidence').select('sha256').execute();
  assert.equal(rows.length, 1);
  assert.equal((await upload(Buffer.from('<script>alert(1)</script>'), 'image/png')).status, 400);
  assert.equal((await upload(Buffer.from('MZ...'), 'application/x-msdownload')).status, 415);
  assert.equal((await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), 'image/jpeg')).status, 413);
  const observer = await signInAs(serverA.url, 'observer.il@truce.example');
  assert.equal((await upload(PNG, 'image/png', observer)).status, 403);
  // The route's permission is checked before the body is read: no 415 (or 413) for an account that may not upload.
  assert.equal((await upload(Buffer.from('MZ...'), 'application/x-msdownload', observer)).status, 403);

  const r = await monitorA.client.call('createReport', {
    body: {
      clientId: randomUUID(),
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      location: { type: 'Point', coordinates: [34.25, 31.29] },
      eventType: 'Explosions/Remote violence',
      subEventType: 'Grenade',
      description: 'Photo of the fragments attached.',
      source: { kind: 'patrol', name: 'P-4' },
      evidence: [stored.sha256],
    },
  });
  const incident = await monitorA.client.call('getIncident', { params: { id: r.incidentId } });
  assert.deepEqual(incident.reports[0]?.evidence, [
    { sha256: stored.sha256, mediaType: 'image/png', size: PNG.length },
  ]);
  const back = await fetch(`${serverA.url}/api/evidence/${stored.sha256}`, { headers: { cookie: monitorA.cookie } });
  assert.equal(back.status, 200);
  assert.equal(back.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await back.arrayBuffer()), PNG);
  const denied = await fetch(`${serverA.url}/api/evidence/${stored.sha256}`, { headers: { cookie: observer.cookie } });
  assert.equal(denied.status, 403);
  await denied.arrayBuffer();
});
