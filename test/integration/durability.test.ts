/**
 * An acknowledged write survives `kill -9` of the server, and SIGTERM shuts down cleanly
 * (exit 0, DATA_DIR released).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { dbEnv } from '../support/cli.ts';
import { startChildServer } from '../support/child-server.ts';
import { signInAs } from '../support/server.ts';

let tdb: TestDatabase;

before(async () => {
  tdb = await openTestDatabase({ migrate: false });
  if (tdb.database.engine === 'pglite') await tdb.database.close();
});
after(async () => {
  await tdb.close();
});

test('writes acknowledged before kill -9 are there after restart', async () => {
  const server = await startChildServer({ ...dbEnv(tdb), TRUCE_DEMO: '1' });
  const { client } = await signInAs(server.url, 'coordinator@truce.example');
  const italy = (await client.call('listOrganisations', {})).items.find((o) => o.name === 'Italy')!;
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const c = await client.call('createContribution', {
      body: { organisationId: italy.id, kind: 'forces', capability: 'medical', quantity: i + 1, unit: 'personnel' },
    });
    ids.push(c.id);
  }
  await server.stop('SIGKILL');

  const again = await startChildServer({ ...dbEnv(tdb), TRUCE_DEMO: '1' });
  try {
    const s = await signInAs(again.url, 'coordinator@truce.example');
    const listed = new Set((await s.client.call('listContributions', {})).items.map((c) => c.id));
    for (const id of ids) assert.ok(listed.has(id), `contribution ${id} survived kill -9`);
    const orgs = (await s.client.call('listOrganisations', {})).items.filter((o) => o.name === 'Italy');
    assert.equal(orgs.length, 1, 'the demo was not loaded twice');
  } finally {
    assert.equal(await again.stop('SIGTERM'), 0, 'SIGTERM exits 0');
  }
  // After a clean stop the embedded database is free for the CLI again.
  const reopened = await openTestDatabase.reopen(tdb);
  if (reopened.engine === 'pglite') await reopened.close();
});
