/**
 * The OpenAPI document covers every endpoint: the route table's and the hand-described ones
 * outside it (streams, files, exports, the C2SP log), each of which is really served.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mountLog } from '../../src/api/log-routes.ts';
import { EXTRA_OPERATIONS } from '../../src/api/openapi-extras.ts';
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

const SAMPLE: Record<string, string> = { sha256: 'a'.repeat(64), L: '0', N: '000.p/1' };

test('every hand-described endpoint is in the document and served (signed-out callers get 401, not 404)', async () => {
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { summary: string }>> };
  for (const op of EXTRA_OPERATIONS) {
    assert.ok(doc.paths[op.path]?.[op.method]?.summary, `${op.method} ${op.path} is documented`);
    const concrete = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x') + (op.path === '/api/log/proof' ? '?index=0' : '');
    const res = await fetch(`${server.url}${concrete}`, { method: op.method.toUpperCase(), ...(op.method === 'post' ? { body: 'x' } : {}) });
    await res.body?.cancel();
    assert.equal(res.status, op.public ? 200 : 401, `${op.method} ${concrete}`);
  }
});
