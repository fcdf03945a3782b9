/**
 * Issue 12: a decision releases its subject to the organisations it asks, whatever the record's
 * own level. A mission-only deployment is invisible to party X (API and the readers of `truce
 * verify`) until a decision about it asks X; then X reads the record (not its figures), and an
 * organisation not asked still does not.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApi, type TestApi } from '../support/api.ts';
import { makeContribution, makeSector, makeSignedIn } from '../support/factories.ts';
import type { ApiClient } from '../../src/contract/client.ts';
import { API_READERS } from '../../src/capabilities/index.ts';

let api: TestApi;
let coordinator: ApiClient;
let partyX: ApiClient;
let partyY: ApiClient;
let partyXId: string;
let deploymentId: string;

before(async () => {
  api = await openTestApi({ demo: false });
  const url = api.server.url;
  coordinator = (await makeSignedIn(api.deps, url, 'coordinator')).client;
  const x = await makeSignedIn(api.deps, url, 'observer');
  [partyX, partyXId] = [x.client, x.user.row.organisation_id];
  partyY = (await makeSignedIn(api.deps, url, 'observer')).client;
  const sectorId = (await makeSector(api.deps, { centre: [33.5, 31.5] })).id;
  const contributionId = (await makeContribution(api.deps, null, { quantity: 300 })).id;
  deploymentId = (
    await coordinator.call('createDeployment', {
      body: {
        contributionId,
        sectorId,
        from: '2026-06-01',
        strength: 120,
        releasability: 'mission',
        detailReleasability: 'mission',
      },
    })
  ).id;
});
after(async () => {
  await api.close();
});

async function sees(client: ApiClient): Promise<{ api: boolean; verify: boolean }> {
  const listed = (await client.call('listDeployments', {})).items.some((d) => d.id === deploymentId);
  const records = (await Promise.all(API_READERS.map((read) => read(client)))).flat();
  return { api: listed, verify: records.some((r) => r.kind === 'deployment' && r.id === deploymentId) };
}

test('a mission-only deployment is hidden from the parties until a decision on it asks one of them', async () => {
  assert.deepEqual(await sees(partyX), { api: false, verify: false }, 'mission-only: X does not see it');
  assert.deepEqual(await sees(partyY), { api: false, verify: false });

  await coordinator.call('proposeDecision', {
    body: {
      kind: 'deployment',
      title: 'Deploy the unit',
      subjects: [{ kind: 'deployment', id: deploymentId }],
      addOrgIds: [partyXId],
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });

  assert.deepEqual(await sees(partyX), { api: true, verify: true }, 'asked: X reads the record');
  const shown = (await partyX.call('listDeployments', {})).items.find((d) => d.id === deploymentId)!;
  assert.equal(shown.strength, null, 'the figures keep their own level');
  assert.deepEqual(await sees(partyY), { api: false, verify: false }, 'not asked: Y still does not');
});
