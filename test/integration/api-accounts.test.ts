/**
 * The foundation's API on a real server and database: sign-in, sessions and CSRF, bearer
 * tokens, rate limiting, permission changes recorded, and the demo scenario's data.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, testEngine, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createClient, ApiError } from '../../src/contract/client.ts';

let tdb: TestDatabase;
let server: TestServer;

before(async () => {
  tdb = await openTestDatabase();
  const deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
});
after(async () => {
  await server.close();
  await tdb.close();
});

test('GET /healthz names the engine', async () => {
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok', db: testEngine() });
});

test('the OpenAPI 3.1 document describes every operation', async () => {
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.paths['/api/contributions']?.post?.operationId, 'createContribution');
  assert.equal(doc.paths['/api/users/{id}']?.patch?.operationId, 'updateUser');
  const docs = await fetch(`${server.url}/api/docs`);
  assert.equal(docs.status, 200);
  assert.match(await docs.text(), /Truce API/);
});

test('demo organisations and contributions are listed', async () => {
  const { client } = await signInAs(server.url, 'observer.il@truce.example');
  const orgs = await client.call('listOrganisations', {});
  const names = orgs.items.map((o) => o.name);
  for (const n of [
    'France',
    'Italy',
    'Indonesia',
    'European Union',
    'EUBAM Rafah',
    'United Nations',
    'Israel',
    'Hamas',
    'United States',
  ]) {
    assert.ok(names.includes(n), `${n} is listed`);
  }
  assert.equal(orgs.items.find((o) => o.name === 'Indonesia')?.country, 'ID');
  const contributions = await client.call('listContributions', {});
  const indonesia = contributions.items.find((c) => c.organisationName === 'Indonesia');
  // Who offers what is public; the figures stay with the mission (issue 10, finding 9).
  assert.equal(indonesia?.quantity, null);
  assert.deepEqual(indonesia?.restricted, ['quantity', 'caveats', 'expectedArrival', 'note']);
  assert.equal(indonesia?.status, 'pledged');
  assert.equal(contributions.items.length, 10, 'five seed pledges and five illustrative ones');
  const mission = await client.call('getMission', {});
  assert.equal(mission.forceCeiling, 60000);
});

test('the session cookie is HttpOnly and SameSite, and needs no password in the response', async () => {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'monitor.un@truce.example', password: 'ceasefire-demo-2025' }),
  });
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie') ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const body = await res.text();
  assert.doesNotMatch(body, /password|scrypt/);
});

test('wrong password is 401; the API without a session is 401', async () => {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'monitor.un@truce.example', password: 'not the password' }),
  });
  assert.equal(res.status, 401);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  assert.equal((await fetch(`${server.url}/api/organisations`)).status, 401);
});

test('repeated failed sign-ins are slowed down with 429 and Retry-After (the rules: sign-in-throttle.test.ts)', async () => {
  const attempt = (password: string) =>
    fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'monitor.eu@truce.example', password }),
    });
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 6 && retryAfter === null; i++) {
    const res = await attempt('wrong-password-' + i);
    statuses.push(res.status);
    if (res.status === 429) retryAfter = res.headers.get('retry-after');
  }
  assert.ok(
    statuses.every((s) => s === 401 || s === 429),
    statuses.join(','),
  );
  assert.match(retryAfter ?? '', /^[1-9]\d*$/, `statuses ${statuses.join(',')}`);
});

test('a cookie session must send its CSRF token on writes', async () => {
  const { cookie } = await signInAs(server.url, 'admin@truce.example');
  const res = await fetch(`${server.url}/api/organisations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'CSRF Test Org', kind: 'ngo' }),
  });
  assert.equal(res.status, 403);
  const { client } = await signInAs(server.url, 'admin@truce.example');
  const orgs = await client.call('listOrganisations', {});
  assert.ok(!orgs.items.some((o) => o.name === 'CSRF Test Org'), 'nothing was created');
});

test('bearer tokens: created once, stored hashed, usable by programs', async () => {
  const { client } = await signInAs(server.url, 'liaison.id@truce.example');
  const created = await client.call('createToken', { body: { label: 'test' } });
  assert.match(created.token, /^truce_/);
  const stored = await tdb.database.db
    .selectFrom('api_tokens')
    .select('token_hash')
    .where('id', '=', created.id)
    .executeTakeFirstOrThrow();
  assert.notEqual(Buffer.from(stored.token_hash).toString('utf8'), created.token);
  const program = createClient({ baseUrl: server.url, token: created.token });
  const orgs = await program.call('listOrganisations', {});
  assert.ok(orgs.items.length > 10);
  const bad = createClient({ baseUrl: server.url, token: 'truce_forged' });
  await assert.rejects(bad.call('listOrganisations', {}), (e: ApiError) => e.status === 401);
});

test('a role change is a recorded permission change, and only an admin may make it', async () => {
  const admin = await signInAs(server.url, 'admin@truce.example');
  const users = await admin.client.call('listUsers', {});
  const target = users.items.find((u) => u.email === 'observer.ps@truce.example')!;
  const coordinator = await signInAs(server.url, 'coordinator@truce.example');
  await assert.rejects(
    coordinator.client.call('updateUser', { params: { id: target.id }, body: { role: 'monitor' } }),
    (e: ApiError) => e.status === 403,
  );
  const updated = await admin.client.call('updateUser', { params: { id: target.id }, body: { role: 'liaison' } });
  assert.equal(updated.role, 'liaison');
  assert.equal(updated.version, 2);
  const changes = await tdb.database.db
    .selectFrom('record_changes')
    .selectAll()
    .where('record_kind', '=', 'user')
    .where('record_id', '=', target.id)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    changes.map((c) => [c.version, c.op]),
    [
      [1, 'permission'],
      [2, 'permission'],
    ],
  );
  const payload = JSON.stringify(changes[1]!.payload);
  assert.match(payload, /"role":"liaison"/);
  assert.doesNotMatch(payload, /observer\.ps@truce\.example/, 'the email is only a commitment');
  assert.equal(
    changes[1]!.actor_user_id,
    admin.client && users.items.find((u) => u.email === 'admin@truce.example')!.id,
  );
});

test('a liaison records contributions for its own organisation only; an observer for none', async () => {
  const liaison = await signInAs(server.url, 'liaison.id@truce.example');
  const orgs = (await liaison.client.call('listOrganisations', {})).items;
  const indonesia = orgs.find((o) => o.name === 'Indonesia')!;
  const italy = orgs.find((o) => o.name === 'Italy')!;
  const body = { kind: 'forces', capability: 'medical', quantity: 120, unit: 'personnel', status: 'pledged' } as const;
  const own = await liaison.client.call('createContribution', { body: { ...body, organisationId: indonesia.id } });
  assert.equal(own.organisationName, 'Indonesia');
  await assert.rejects(
    liaison.client.call('createContribution', { body: { ...body, organisationId: italy.id } }),
    (e: ApiError) => e.status === 403,
  );
  const observer = await signInAs(server.url, 'observer.il@truce.example');
  await assert.rejects(
    observer.client.call('createContribution', { body: { ...body, organisationId: indonesia.id } }),
    (e: ApiError) => e.status === 403,
  );
});
