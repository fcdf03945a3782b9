/**
 * Issue 12 on the demo: the illustrative rules are labelled so; Italy's engineers are planned
 * into Khan Yunis while their admission awaits Israel's answer (an `unconsented` finding);
 * Israel's observer sees it awaiting its answer, consents, and the finding goes (the handover
 * topic hears it); Egypt's admission stands with Israel's sector caveat; parties see every
 * answer but never the mission's deliberation notes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { actorOf, openTestApi, type TestApi } from '../support/api.ts';
import { createDeployment } from '../../src/services/handover/deployments.ts';
import { handoverCheck } from '../../src/services/handover/check.ts';
import { listSectorNames } from '../../src/repositories/sectors.ts';
import { listContributions } from '../../src/repositories/contributions.ts';
import { listOrganisations } from '../../src/repositories/organisations.ts';
import { signInAs } from '../support/server.ts';
import type { ApiClient } from '../../src/contract/client.ts';
import { answerDecision } from '../../src/capabilities/consent/services/decisions.ts';

let api: TestApi;
let coordinator: ApiClient;
let israel: ApiClient;
const events: string[] = [];
const YEAR = { query: { from: '2026-01-01', to: '2026-12-31' } };

before(async () => {
  api = await openTestApi();
  api.deps.events.subscribe((e) => events.push(e.topic));
  coordinator = (await signInAs(api.server.url, 'coordinator@truce.example')).client;
  israel = (await signInAs(api.server.url, 'observer.il@truce.example')).client;
});
after(async () => {
  await api.close();
});

test("the demo's rules are illustrative; Italy's deployment awaits Israel's consent", async () => {
  const rules = (await israel.call('listConsentRules', {})).items;
  assert.ok(rules.length > 0 && rules.every((r) => r.illustrative && /Illustrative/.test(r.note)));
  const unconsented = (await coordinator.call('checkHandover', YEAR)).findings.filter((f) => f.kind === 'unconsented');
  assert.deepEqual(
    unconsented.map((f) => [f.sectorName, f.from, f.consent?.map((g) => `${g.decisionKind}:${g.reason}`)]),
    [['Khan Yunis', '2026-06-01', ['admission:pending']]],
  );
  const orgs = (await coordinator.call('listOrganisations', {})).items;
  const israelId = orgs.find((o) => o.name === 'Israel')!.id;
  assert.deepEqual(unconsented[0]!.consent![0]!.organisationIds, [israelId]);

  const awaiting = (await israel.call('listDecisions', { query: { awaitingMine: 'true' } })).items;
  assert.deepEqual(
    awaiting.map((d) => [d.title, d.state, d.abilities.answer, d.notes]),
    [["Admit Italy's engineers to the force", 'pending', true, null]],
  );
  assert.equal((await coordinator.call('getDecision', { params: { id: awaiting[0]!.id } })).notes?.length, 1);

  events.length = 0;
  await israel.call('answerDecision', { params: { id: awaiting[0]!.id }, body: { answer: 'consent' } });
  assert.ok(events.includes('handover'), 'the handover page hears of it');
  const after = (await coordinator.call('checkHandover', YEAR)).findings;
  assert.ok(!after.some((f) => f.kind === 'unconsented'));
});

test("Egypt's admission: Israel's consent with a caveat, seen by the contributor's standing", async () => {
  const contributions = (await coordinator.call('listContributions', {})).items;
  const egypt = contributions.find((c) => c.organisationName === 'Egypt' && c.capability === 'infantry')!;
  const standings = (await coordinator.call('listContributionStandings', {})).items;
  assert.deepEqual(
    standings.find((s) => s.contributionId === egypt.id)?.standings.map((s) => s.standing),
    ['accepted_with_caveats'],
  );
  const hamas = (await signInAs(api.server.url, 'observer.ps@truce.example')).client;
  assert.deepEqual((await hamas.call('listDecisions', { query: {} })).items, [], 'not asked, not concerned');
});

test("organisations the proposer adds never count toward the rule's quorum, and each must consent", async () => {
  const orgs = new Map((await coordinator.call('listOrganisations', {})).items.map((o) => [o.name, o.id]));
  const id = (name: string) => orgs.get(name)!;
  const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  // The demo's `minutes` rule: 2 of Egypt, Qatar and the United States.
  const propose = async () =>
    (
      await coordinator.call('proposeDecision', {
        body: {
          kind: 'minutes',
          title: 'Adopt the minutes',
          addOrgIds: [id('Civil-Military Coordination Center'), id('United Nations')],
          dueAt,
        },
      })
    ).id;
  const answer = (decision: string, org: string, kind: 'consent' | 'objection') =>
    answerDecision(api.deps, null, decision, {
      answer: kind,
      organisationId: id(org),
      reasons: kind === 'objection' ? 'Not these minutes.' : '',
    });
  const state = async (decision: string) => (await coordinator.call('getDecision', { params: { id: decision } })).state;

  const d = await propose();
  await answer(d, 'Civil-Military Coordination Center', 'consent');
  await answer(d, 'United Nations', 'consent');
  assert.equal(await state(d), 'pending', 'two added consents do not make the quorum of 2');
  await answer(d, 'Egypt', 'consent');
  assert.equal(await state(d), 'pending', 'one of the rule: still short of its quorum');
  await answer(d, 'Qatar', 'consent');
  assert.equal(await state(d), 'adopted');

  const e = await propose();
  await answer(e, 'Egypt', 'consent');
  await answer(e, 'Qatar', 'consent');
  await answer(e, 'Civil-Military Coordination Center', 'consent');
  assert.equal(await state(e), 'pending', 'the quorum is met, but the United Nations has not answered');
  await answer(e, 'United Nations', 'objection');
  assert.equal(await state(e), 'blocked', "an added organisation's objection blocks");
});

test('an unconsented finding names a decision, its organisations and caveat only to whoever may read it', async () => {
  const coord = await actorOf(api.deps, 'coordinator@truce.example');
  const sectors = new Map((await listSectorNames(api.deps.db)).map((s) => [s.name, s.id]));
  const egypt = (await listContributions(api.deps.db)).find(
    (c) => c.organisation_name === 'Egypt' && c.capability === 'infantry',
  )!;
  // Released to everyone: the deployment itself is no secret; Israel's caveat excludes Rafah.
  await createDeployment(api.deps, coord, {
    contributionId: egypt.id,
    sectorId: sectors.get('Rafah')!,
    from: '2026-12-10',
    to: null,
    strength: 50,
    note: '',
    releasability: 'public',
    detailReleasability: 'public',
  });
  const excluded = async (email: string) =>
    (await handoverCheck(api.deps, await actorOf(api.deps, email), '2026-12-01', '2027-03-01')).filter(
      (f) => f.kind === 'unconsented' && f.contributionId === egypt.id,
    );
  const israelId = (await listOrganisations(api.deps.db)).find((o) => o.name === 'Israel')!.id;
  const asked = await excluded('observer.il@truce.example');
  assert.equal(asked.length, 1);
  assert.ok(asked[0]!.kind === 'unconsented');
  assert.deepEqual(
    asked[0]!.consent.map((g) => [g.reason, g.organisationIds]),
    [['excluded_sector', [israelId]]],
    'Israel, asked, sees its own caveat',
  );
  const hamas = await excluded('observer.ps@truce.example');
  assert.equal(hamas.length, 1, 'an unasked party still sees that the deployment lacks consent');
  const text = JSON.stringify(hamas);
  assert.ok(hamas[0]!.kind === 'unconsented');
  assert.deepEqual(hamas[0]!.consent, [], 'but not which decision, whose consent, nor why');
  assert.doesNotMatch(text, new RegExp(israelId));
  assert.doesNotMatch(text, /excluded_sector/);
});
