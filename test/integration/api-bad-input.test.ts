/**
 * Bad input gets a clear 4xx naming what is wrong, and changes nothing: after every case the
 * record tables are exactly as before.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';

let tdb: TestDatabase;
let server: TestServer;
let cookie: string;
let csrf: string;
let indonesiaId: string;

before(async () => {
  tdb = await openTestDatabase();
  const deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  const s = await signInAs(server.url, 'coordinator@truce.example');
  cookie = s.cookie;
  csrf = s.csrfToken;
  indonesiaId = (await s.client.call('listOrganisations', {})).items.find((o) => o.name === 'Indonesia')!.id;
});
after(async () => {
  await server.close();
  await tdb.close();
});

async function counts() {
  const db = tdb.database.db;
  const n = async (t: 'contributions' | 'record_changes' | 'organisations') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    contributions: await n('contributions'),
    changes: await n('record_changes'),
    orgs: await n('organisations'),
  };
}

function post(body: BodyInit, contentType = 'application/json') {
  return fetch(`${server.url}/api/contributions`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie, 'x-csrf-token': csrf },
    body,
  });
}

const valid = () => ({
  organisationId: indonesiaId,
  kind: 'forces',
  capability: 'engineers',
  quantity: 300,
  unit: 'personnel',
});

interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

const cases: { name: string; send: () => Promise<Response>; status: number; paths?: string[]; detail?: RegExp }[] = [
  {
    name: 'unknown field',
    send: () => post(JSON.stringify({ ...valid(), colour: 'blue' })),
    status: 400,
    paths: ['body.colour'],
  },
  {
    name: 'wrong types',
    send: () => post(JSON.stringify({ ...valid(), quantity: 'many', kind: 7 })),
    status: 400,
    paths: ['body.quantity', 'body.kind'],
  },
  {
    name: 'missing required field',
    send: () => post(JSON.stringify({ kind: 'forces', capability: 'engineers', unit: 'personnel' })),
    status: 400,
    paths: ['body.organisationId'],
  },
  {
    name: 'negative quantity',
    send: () => post(JSON.stringify({ ...valid(), quantity: -5 })),
    status: 400,
    paths: ['body.quantity'],
  },
  {
    name: 'currency without money unit',
    send: () => post(JSON.stringify({ ...valid(), currency: 'EUR' })),
    status: 400,
    paths: ['body.currency'],
  },
  {
    name: 'unknown enum value',
    send: () => post(JSON.stringify({ ...valid(), capability: 'dragons' })),
    status: 400,
    paths: ['body.capability'],
  },
  {
    name: 'control characters in text',
    send: () => post(JSON.stringify({ ...valid(), note: 'a\u0000b' })),
    status: 400,
    paths: ['body.note'],
  },
  { name: 'non-JSON body', send: () => post('{"organisationId": '), status: 400, detail: /not valid JSON/ },
  { name: 'empty body', send: () => post(''), status: 400, detail: /empty/ },
  {
    name: 'invalid UTF-8',
    send: () => post(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    status: 400,
    detail: /UTF-8/,
  },
  { name: 'wrong content type', send: () => post(JSON.stringify(valid()), 'text/plain'), status: 415 },
  {
    name: 'oversized body',
    send: () => post(JSON.stringify({ ...valid(), note: 'x'.repeat(2 * 1024 * 1024) })),
    status: 413,
  },
  { name: 'a JSON array instead of an object', send: () => post('[]'), status: 400, paths: ['body'] },
  {
    name: 'unknown organisation',
    send: () => post(JSON.stringify({ ...valid(), organisationId: '00000000-0000-4000-8000-000000000000' })),
    status: 400,
    paths: ['organisationId'],
  },
];

for (const c of cases) {
  test(`${c.name}: ${c.status} and nothing changes`, async () => {
    const before = await counts();
    const res = await c.send();
    assert.equal(res.status, c.status);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const problem = (await res.json()) as Problem;
    assert.equal(problem.status, c.status);
    assert.ok(problem.title.length > 0);
    if (c.paths) {
      const got = (problem.errors ?? []).map((e) => e.path);
      for (const p of c.paths) assert.ok(got.includes(p), `error names ${p} (got ${got.join(', ')})`);
      for (const e of problem.errors ?? []) assert.ok(e.message.length > 0);
    }
    if (c.detail) assert.match(problem.detail ?? '', c.detail);
    assert.deepEqual(await counts(), before);
  });
}

test('a valid request after all that is accepted (the cases above fail for their own reason)', async () => {
  const before = await counts();
  const res = await post(JSON.stringify(valid()));
  assert.equal(res.status, 201);
  const after = await counts();
  assert.equal(after.contributions, before.contributions + 1);
  assert.equal(after.changes, before.changes + 1);
});

test('unknown API paths are 404 problems', async () => {
  const res = await fetch(`${server.url}/api/nothing-here`, { headers: { cookie } });
  assert.equal(res.status, 404);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
});
