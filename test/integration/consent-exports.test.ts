/**
 * Issue 12: decisions leave Truce as CSV (HXL hashtags, like the other exports) through the API,
 * filtered as the decisions list is (an organisation not asked gets no row), and as
 * `truce consent list` at the console: state, and whose answer each decision awaits.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApi, type TestApi } from '../support/api.ts';
import { makeContribution, makeOrganisation, makeSignedIn } from '../support/factories.ts';
import type { SignedInClient } from '../support/server.ts';
import { dbEnv, runCli } from '../support/cli.ts';
import type { ApiClient } from '../../src/contract/client.ts';
import { listDecisions } from '../../src/capabilities/consent/services/view.ts';
import { decisionsText } from '../../src/capabilities/consent/presenters/exports.ts';

let api: TestApi;
let coordinator: SignedInClient;
let partyA: ApiClient;
let outsider: SignedInClient;
let names: { a: string; b: string };
let decisionId: string;

before(async () => {
  api = await openTestApi({ demo: false });
  const url = api.server.url;
  coordinator = await makeSignedIn(api.deps, url, 'coordinator');
  const orgA = await makeOrganisation(api.deps, { kind: 'party', name: 'Party Alpha' });
  const orgB = await makeOrganisation(api.deps, { kind: 'party', name: 'Party Beta, "the second"' });
  names = { a: orgA.name, b: orgB.name };
  partyA = (await makeSignedIn(api.deps, url, 'observer', { organisationId: orgA.id })).client;
  outsider = await makeSignedIn(api.deps, url, 'observer');
  const contributionId = (await makeContribution(api.deps, null, { quantity: 100 })).id;
  decisionId = (
    await coordinator.client.call('proposeDecision', {
      body: {
        kind: 'admission',
        title: '=Admit the unit',
        subjects: [{ kind: 'contribution', id: contributionId }],
        addOrgIds: [orgA.id, orgB.id],
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    })
  ).id;
  await partyA.call('answerDecision', { params: { id: decisionId }, body: { answer: 'consent' } });
});
after(async () => {
  // The last test closed the server (and the embedded database) for the CLI.
  await api.server.close().catch(() => undefined);
  await api.deps.events.close();
  await api.tdb.close();
});

async function csv(cookie: string): Promise<string> {
  const res = await fetch(`${api.server.url}/api/exports/decisions.csv`, { headers: { cookie } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
  return res.text();
}

test('decisions as CSV: HXL row, state, who consented and whom it awaits; nothing for an organisation not asked', async () => {
  const lines = (await csv(coordinator.cookie)).trimEnd().split('\r\n');
  assert.equal(lines.length, 3, 'header, HXL, one decision');
  const header = lines[0]!.split(',');
  assert.deepEqual(header.slice(0, 4), ['id', 'kind', 'title', 'state']);
  assert.ok(
    lines[1]!.split(',').every((tag) => tag.startsWith('#')),
    'the HXL hashtags row',
  );
  const row = lines[2]!;
  assert.ok(row.startsWith(`${decisionId},admission,'=Admit the unit,pending,false,`), row);
  assert.ok(row.includes(`,${names.a},,,"${names.b.replace(/"/g, '""')}",`), 'consented by A, awaiting B');

  const none = (await csv(outsider.cookie)).trimEnd().split('\r\n');
  assert.equal(none.length, 2, 'not asked: the header and HXL rows only');
});

test('the console list says the state and whom each decision awaits', async () => {
  const text = decisionsText(await listDecisions(api.deps, null));
  assert.match(text, /^pending +admission +=Admit the unit$/m);
  assert.match(text, new RegExp(`^  awaits ${names.b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
});

test('truce consent list runs at the console', async () => {
  // The embedded database admits one process: let the CLI take DATA_DIR (the last test of the file).
  await api.server.close();
  if (api.tdb.database.engine === 'pglite') await api.tdb.database.close();
  const r = await runCli(['consent', 'list', '--state', 'pending'], dbEnv(api.tdb));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /awaits Party Beta/);
  const bad = await runCli(['consent', 'list', '--state', 'open'], dbEnv(api.tdb));
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--state/);
});
