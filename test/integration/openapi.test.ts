/**
 * The OpenAPI document covers every endpoint of the route table (JSON, streams, files, exports,
 * uploads, the C2SP log) with the media type it produces, and each is really served.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mountLog } from '../../src/api/log-routes.ts';
import { routes } from '../../src/contract/routes.ts';
import { mediaTypeOf, type RouteDef } from '../../src/contract/route.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey } from '../../src/log/keys.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { seedDemo } from '../../src/demo/seed.ts';

let tdb: TestDatabase;
let server: TestServer;

before(async () => {
  tdb = await openTestDatabase();
  const key = await loadOrCreateLogKey(tdb.database.db, 'truce.test/openapi', new Date());
  const sequencer = new Sequencer(tdb.database.db, key, 'truce.test/openapi', systemClock, silentLogger);
  await sequencer.init();
  const deps = { ...testDeps(tdb.database), log: sequencer };
  await seedDemo(deps);
  server = await startTestServer(deps, (a) => mountLog(a, tdb.database.db, key.verifierKey));
});
after(async () => {
  await server.close();
  await tdb.close();
});

const SAMPLE: Record<string, string> = { sha256: 'a'.repeat(64), path: '0/000.p/1' };

type Operation = {
  summary: string;
  operationId: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
};

test('every route is in the document with its media type, and served (signed-out callers get 401, public reads 200)', async () => {
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  let publicReads = 0;
  for (const [id, raw] of Object.entries(routes)) {
    const def = raw as RouteDef;
    const op = doc.paths[def.path]?.[def.method];
    assert.equal(op?.operationId, id, `${def.method} ${def.path} is documented`);
    assert.ok(op.summary);
    if (def.status !== 204) {
      assert.deepEqual(
        Object.keys(op.responses[String(def.status)]?.content ?? {}),
        [mediaTypeOf(def.produces ?? { kind: 'json' })],
        `${id} produces`,
      );
    }
    // Account routes all answer 401 signed out; public reads answer; public writes need a body.
    if (def.auth === 'public' && def.method !== 'get') continue;
    const concrete =
      def.path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x') +
      (id === 'getLogProof' ? '?index=0' : '');
    const res = await fetch(`${server.url}${concrete}`, {
      method: def.method.toUpperCase(),
      ...(def.method === 'get' ? {} : { body: 'x' }),
    });
    await res.body?.cancel();
    assert.equal(res.status, def.auth === 'public' ? 200 : 401, `${def.method} ${concrete}`);
    if (def.auth === 'public') publicReads++;
  }
  assert.ok(publicReads >= 5, 'the log and the public rulings were fetched');
});
