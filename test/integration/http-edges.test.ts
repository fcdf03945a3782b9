/**
 * The HTTP layer's edges, tried as a hostile or careless client would (issue 10, findings 10
 * and 11): nobody learns a route's schema without signing in; a lone surrogate or an absurd date
 * is a 400 naming the field, never a 500, and writes nothing; anonymous clients and open event
 * streams are limited; a live stream re-checks its caller on a timer however busy it is, and a
 * database error ends it loudly instead of passing for "signed out"; failed live updates are logged.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { openEventStream } from '../support/sse.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import type { Deps } from '../../src/services/deps.ts';
import { createEvents } from '../../src/events/index.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let coordinator: SignedInClient;
let monitor: SignedInClient;
const logged: { level: number; msg: string }[] = [];

before(async () => {
  tdb = await openTestDatabase();
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          logged.push(JSON.parse(line) as { level: number; msg: string });
        done();
      },
    }),
  );
  const base = testDeps(tdb.database);
  await base.events.close();
  deps = { ...base, logger, events: createEvents(tdb.database, logger) };
  await seedDemo(deps);
  server = await startTestServer(deps);
  coordinator = await signInAs(server.url, 'coordinator@truce.example');
  monitor = await signInAs(server.url, 'monitor.un@truce.example');
});
after(async () => {
  await server.close();
  await deps.events.close();
  await tdb.close();
});

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

async function changes(): Promise<number> {
  const r = await deps.db
    .selectFrom('record_changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const send = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
const asJson = (who: SignedInClient | undefined, method: string, body: string): RequestInit => ({
  method,
  body,
  headers: {
    'content-type': 'application/json',
    ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {}),
  },
});

test('an anonymous caller gets 401 before anything it sent is parsed: no schema details', async () => {
  const attempts: [string, RequestInit][] = [
    ['/api/contributions', asJson(undefined, 'POST', '{"organisationId": ')],
    ['/api/contributions', asJson(undefined, 'POST', JSON.stringify({ colour: 'blue', quantity: 'many' }))],
    ['/api/contributions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }],
    ['/api/contributions', asJson(undefined, 'POST', JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) }))],
    ['/api/users/not-a-uuid', asJson(undefined, 'PATCH', '{}')],
    ['/api/incidents?limit=many&colour=blue', {}],
    ['/api/sitrep?date=9999-12-31', {}],
  ];
  for (const [path, init] of attempts) {
    const res = await send(path, init);
    const problem = (await res.json()) as Problem;
    assert.equal(res.status, 401, `${init.method ?? 'GET'} ${path}`);
    assert.equal(problem.errors, undefined, 'no field is named to an anonymous caller');
  }
  // A session cookie without its CSRF header is refused (403) before the body is read, too.
  const res = await send('/api/contributions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: coordinator.cookie },
    body: '{"colour":',
  });
  assert.equal(res.status, 403);
  assert.equal(((await res.json()) as Problem).errors, undefined);
});

test('a lone surrogate in any text field is a 400 naming the field, on every route, and writes nothing', async () => {
  const before = await changes();
  const lone = '\ud800';
  const report = {
    clientId: randomUUID(),
    occurredAt: new Date(Date.now() - 600_000).toISOString(),
    location: { type: 'Point', coordinates: [34.3, 31.345] },
    eventType: 'Battles',
    subEventType: 'Armed clash',
    description: `Exchange of fire ${lone}`,
    source: { kind: 'un', name: 'UNTSO' },
  };
  const cases: [SignedInClient | undefined, string, string, unknown, string][] = [
    [monitor, 'POST', '/api/reports', report, 'body.description'],
    // Not a `Text` field: a plain string (source name) and a record key (observation kind).
    [
      monitor,
      'POST',
      '/api/reports',
      { ...report, description: 'fine', source: { kind: 'un', name: `\udc00x` } },
      'body.source.name',
    ],
    [
      monitor,
      'POST',
      '/api/reports',
      { ...report, description: 'fine', observations: { [`a${lone}`]: 1 } },
      'body.observations.a\ufffd',
    ],
    [coordinator, 'POST', '/api/organisations', { name: `Org ${lone}`, kind: 'ngo' }, 'body.name'],
    [
      coordinator,
      'POST',
      '/api/contributions',
      {
        organisationId: randomUUID(),
        kind: 'forces',
        capability: 'engineers',
        quantity: 3,
        unit: 'personnel',
        note: lone,
      },
      'body.note',
    ],
    [
      undefined,
      'POST',
      '/api/session',
      { email: `a${lone}@truce.example`, password: 'whatever-whatever' },
      'body.email',
    ],
  ];
  for (const [who, method, path, body, field] of cases) {
    const text = JSON.stringify(body);
    assert.match(text, /\\ud[89a-f][0-9a-f]{2}/, 'the request really carries an escaped lone surrogate');
    const res = await send(path, asJson(who, method, text));
    const problem = (await res.json()) as Problem;
    assert.equal(res.status, 400, `${path}: ${JSON.stringify(problem)}`);
    assert.ok(
      problem.errors?.some((e) => e.path === field && /surrogate/.test(e.message)),
      `${path} names ${field}: ${JSON.stringify(problem.errors)}`,
    );
  }
  // A GeoJSON import names the feature and the field.
  const geo = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: report.location, properties: { ...report, location: undefined } }],
  };
  const imported = await send('/api/reports/import', {
    method: 'POST',
    headers: { 'content-type': 'application/geo+json', cookie: monitor.cookie, 'x-csrf-token': monitor.csrfToken },
    body: JSON.stringify(geo),
  });
  const problem = (await imported.json()) as Problem;
  assert.equal(imported.status, 400);
  assert.ok(
    problem.errors?.some((e) => /feature 1: description/.test(e.path)),
    JSON.stringify(problem.errors),
  );
  // Bidi overrides ("Trojan Source") are refused in free text too; isolates are fine.
  const rlo = await send(
    '/api/organisations',
    asJson(coordinator, 'POST', JSON.stringify({ name: 'Org \u202eevil', kind: 'ngo' })),
  );
  assert.equal(rlo.status, 400);
  assert.ok(((await rlo.json()) as Problem).errors?.some((e) => e.path === 'body.name'));
  assert.equal(await changes(), before, 'nothing was written');
});

test('dates outside a sane calendar are a 400 naming the field (the sitrep of 9999-12-31 was a 500)', async () => {
  const cookie = { cookie: coordinator.cookie };
  for (const path of ['/api/sitrep?date=9999-12-31', '/api/sitrep.md?date=9999-12-31', '/api/sitrep?date=0001-01-01']) {
    const res = await send(path, { headers: cookie });
    const problem = (await res.json()) as Problem;
    assert.equal(res.status, 400, path);
    assert.deepEqual(
      problem.errors?.map((e) => e.path),
      ['query.date'],
      path,
    );
  }
  const gap = await send('/api/force/gap?on=9999-12-31', { headers: cookie });
  assert.equal(gap.status, 400);
  assert.deepEqual(
    ((await gap.json()) as Problem).errors?.map((e) => e.path),
    ['query.on'],
  );
  const incidents = await send(`/api/incidents?from=${encodeURIComponent('9999-12-31T23:59:59Z')}`, {
    headers: cookie,
  });
  assert.equal(incidents.status, 400);
  assert.deepEqual(
    ((await incidents.json()) as Problem).errors?.map((e) => e.path),
    ['query.from'],
  );
  const ok = await send('/api/sitrep?date=2025-10-10', { headers: cookie });
  assert.equal(ok.status, 200);
  await ok.arrayBuffer();
});

test('unauthenticated requests are limited per client address: 429 with Retry-After; accounts keep working', async () => {
  const limited = await startTestServer(deps, undefined, {
    anonymousPerSecond: 0.5,
    anonymousBurst: 5,
    streamsPerAccount: 10,
  });
  try {
    const observer = await signInAs(limited.url, 'observer.il@truce.example'); // one anonymous request
    const anonymous = () => fetch(`${limited.url}/api/session/status`);
    const answers: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await anonymous();
      answers.push(res.status);
      if (res.status === 429) {
        assert.match(res.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
      }
      await res.arrayBuffer();
    }
    assert.ok(
      answers.slice(0, 4).every((s) => s === 200),
      answers.join(),
    );
    assert.equal(answers.at(-1), 429, answers.join());
    // A valid account behind the same address is never refused by this limit...
    assert.equal((await observer.client.call('getSession', {})).user.email, 'observer.il@truce.example');
    // ...but guessing credentials is: refused credentials draw from the same (nearly) empty bucket.
    const guesses: Response[] = [];
    for (let i = 0; i < 3; i++)
      guesses.push(await fetch(`${limited.url}/api/incidents`, { headers: { authorization: `Bearer guess-${i}` } }));
    for (const g of guesses) await g.arrayBuffer();
    assert.ok(guesses.every((g) => g.status === 401 || g.status === 429));
    const guess = guesses.at(-1)!;
    assert.equal(guess.status, 429, guesses.map((g) => g.status).join());
    assert.ok(guess.headers.get('retry-after'));
    // The bucket refills.
    await new Promise((r) => setTimeout(r, 1100 * Number(guess.headers.get('retry-after'))));
    const again = await anonymous();
    assert.equal(again.status, 200);
    await again.arrayBuffer();
  } finally {
    await limited.close();
  }
});

test('an account may hold only so many live event streams open at once (429 beyond)', async () => {
  const limited = await startTestServer(deps, undefined, {
    anonymousPerSecond: 100,
    anonymousBurst: 100,
    streamsPerAccount: 2,
  });
  const observer = await signInAs(limited.url, 'observer.ps@truce.example');
  const other = await signInAs(limited.url, 'observer.il@truce.example');
  const open = [
    await openEventStream(`${limited.url}/api/monitoring/events`, { cookie: observer.cookie }),
    await openEventStream(`${limited.url}/api/compliance/events`, { cookie: observer.cookie }),
  ];
  try {
    for (const s of open) await s.until(/event: ready/);
    const third = await fetch(`${limited.url}/api/monitoring/events`, { headers: { cookie: observer.cookie } });
    assert.equal(third.status, 429);
    assert.ok(third.headers.get('retry-after'));
    await third.arrayBuffer();
    const others = await openEventStream(`${limited.url}/api/monitoring/events`, { cookie: other.cookie });
    await others.until(/event: ready/);
    others.close();
    // Closing a stream frees its place.
    open.shift()!.close();
    const deadline = Date.now() + 3000;
    for (;;) {
      const res = await fetch(`${limited.url}/api/monitoring/events`, { headers: { cookie: observer.cookie } });
      if (res.status === 200) {
        await res.body?.cancel();
        break;
      }
      await res.arrayBuffer();
      assert.ok(Date.now() < deadline, 'a closed stream frees its place');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    for (const s of open) s.close();
    await limited.close();
  }
});

test('a busy stream still re-checks its caller on a timer: signing out ends it', async () => {
  process.env.TRUCE_SSE_HEARTBEAT_MS = '60000';
  process.env.TRUCE_SSE_RECHECK_MS = '200';
  const observer = await signInAs(server.url, 'observer.il@truce.example');
  const stream = await openEventStream(`${server.url}/api/monitoring/events`, { cookie: observer.cookie });
  // An event every 50 ms: the stream is never quiet, so a check run only when quiet never runs.
  const traffic = setInterval(
    () => void deps.events.publish({ topic: 'incident', id: randomUUID(), at: new Date().toISOString() }),
    50,
  );
  try {
    await stream.until(/event: ready/);
    await stream.until(/event: incident/);
    await observer.client.call('signOut', {});
    await stream.ended(3000);
    assert.doesNotMatch(stream.text(), /server-error/, 'a refusal is not an error');
  } finally {
    clearInterval(traffic);
    stream.close();
    delete process.env.TRUCE_SSE_HEARTBEAT_MS;
    delete process.env.TRUCE_SSE_RECHECK_MS;
  }
});

test('a database error in the re-check ends the stream with an error, logged, not a silent "signed out"', async () => {
  process.env.TRUCE_SSE_RECHECK_MS = '200';
  const observer = await signInAs(server.url, 'observer.ps@truce.example');
  const stream = await openEventStream(`${server.url}/api/monitoring/events`, { cookie: observer.cookie });
  const seen = logged.length;
  try {
    await stream.until(/event: ready/);
    // A real fault: the table the re-check reads is gone for a moment.
    await sql`alter table sessions rename to sessions_away`.execute(deps.db);
    try {
      await stream.until(/event: server-error/, 3000);
      await stream.ended(3000);
    } finally {
      await sql`alter table sessions_away rename to sessions`.execute(deps.db);
    }
    const errors = logged.slice(seen).filter((l) => l.level >= 50);
    assert.ok(
      errors.some((l) => /could not re-check/.test(l.msg)),
      JSON.stringify(errors),
    );
  } finally {
    stream.close();
    delete process.env.TRUCE_SSE_RECHECK_MS;
  }
});

test('a live update that cannot be delivered is logged, and the write that sent it still succeeds', async () => {
  const seen = logged.length;
  const unsubscribe = deps.events.subscribe(() => {
    throw new Error('a broken subscriber');
  });
  try {
    await deps.events.publish({ topic: 'incident', id: randomUUID(), at: new Date().toISOString() });
  } finally {
    unsubscribe();
  }
  assert.ok(logged.slice(seen).some((l) => l.level >= 50 && /not delivered/.test(l.msg)));
  if (tdb.database.engine === 'postgres') {
    // NOTIFY refuses payloads over 8000 bytes: the other app servers miss it, and the log says so.
    await deps.events.publish({ topic: 'incident', id: 'x'.repeat(9000), at: new Date().toISOString() });
    assert.ok(logged.slice(seen).some((l) => l.level >= 50 && /not sent to the other app servers/.test(l.msg)));
  }
});
