/**
 * Issue 12, "Done when" (API part), on a real database through the real API: a deployment
 * without the consent its rule requires is `unconsented` until the party consents (and fills no
 * vacuum meanwhile); a conditional consent excluding a sector flags a deployment there;
 * withdrawing consent flags the deployment at once; a decision lapses at its due date with
 * answers missing; an account of an organisation not asked is refused (403).
 * Built with the factories (no demo identities), on a clock moved by hand.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApi, type TestApi } from '../support/api.ts';
import { makeContribution, makeSector, makeSignedIn } from '../support/factories.ts';
import { fixedClock } from '../../src/adapters/clock.ts';
import { ApiError, type ApiClient } from '../../src/contract/client.ts';
import type { Finding } from '../../src/contract/force.ts';

const clock = fixedClock(new Date('2026-01-05T08:00:00Z'));
let api: TestApi;
let coordinator: ApiClient;
let partyA: ApiClient;
let partyB: ApiClient;
let partyAId: string;
let partyBId: string;
let sectorId: string;
let otherSectorId: string;
let contributionId: string;
let deploymentId: string;
let decisionId: string;

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const inDays = (n: number) => new Date(clock.now().getTime() + n * 86_400_000).toISOString();
const rejects = (p: Promise<unknown>, status: number) => assert.rejects(p, (e: ApiError) => e.status === status);

async function findings(): Promise<Finding[]> {
  return (await coordinator.call('checkHandover', { query: YEAR })).findings.filter(
    // `unconfirmed` (the factory's contribution is only an interest) is not this file's subject.
    (f) => (f.sectorId === sectorId || f.sectorId === otherSectorId) && f.kind !== 'unconfirmed',
  );
}
const brief = (fs: Finding[]) =>
  fs.map((f) =>
    [
      f.sectorId === sectorId ? 'S1' : 'S2',
      f.kind,
      f.from,
      f.to,
      ...(f.consent ?? []).map((g) => `${g.decisionKind}:${g.reason}`),
    ].join(' '),
  );

before(async () => {
  api = await openTestApi({ demo: false, clock });
  const url = api.server.url;
  coordinator = (await makeSignedIn(api.deps, url, 'coordinator')).client;
  const a = await makeSignedIn(api.deps, url, 'observer');
  const b = await makeSignedIn(api.deps, url, 'observer');
  [partyA, partyB, partyAId, partyBId] = [a.client, b.client, a.user.row.organisation_id, b.user.row.organisation_id];
  sectorId = (await makeSector(api.deps, { centre: [33.5, 31.5] })).id;
  otherSectorId = (await makeSector(api.deps, { centre: [33.8, 31.5] })).id;
  contributionId = (await makeContribution(api.deps, null, { quantity: 500 })).id;
  for (const id of [sectorId, otherSectorId])
    await coordinator.call('createMilestone', { body: { sectorId: id, kind: 'withdrawal', at: '2026-06-01' } });
  deploymentId = (
    await coordinator.call('createDeployment', {
      body: { contributionId, sectorId, from: '2026-06-01', strength: 200 },
    })
  ).id;
});
after(async () => {
  await api.close();
});

test('with a rule naming party A, the deployment is unconsented (not asked) and fills no vacuum', async () => {
  assert.deepEqual(brief(await findings()), ['S2 vacuum 2026-06-01 2026-12-31'], 'no rule: the unit covers S1');
  await coordinator.call('setConsentRule', { params: { kind: 'deployment' }, body: { requiredOrgIds: [partyAId] } });
  const rules = (await partyB.call('listConsentRules', {})).items;
  assert.deepEqual(
    rules.map((r) => [r.kind, r.requiredOrgIds, r.quorum]),
    [['deployment', [partyAId], null]],
    'every account reads the rules',
  );
  assert.deepEqual(brief(await findings()), [
    'S1 vacuum 2026-06-01 2026-12-31',
    'S1 unconsented 2026-06-01 2026-12-31 deployment:not_asked',
    'S2 vacuum 2026-06-01 2026-12-31',
  ]);
});

test('proposed, then unconsented (pending) until party A consents; party B is refused', async () => {
  const d = await coordinator.call('proposeDecision', {
    body: {
      kind: 'deployment',
      title: 'Deploy the infantry company to the test sector',
      subjects: [{ kind: 'deployment', id: deploymentId }],
      dueAt: inDays(7),
    },
  });
  decisionId = d.id;
  assert.deepEqual([d.state, d.requiredOrgIds, d.awaiting], ['pending', [partyAId], [partyAId]]);
  const pending = (await findings()).find((f) => f.kind === 'unconsented')!;
  assert.deepEqual(pending.consent, [
    { reason: 'pending', decisionKind: 'deployment', decisionId, organisationIds: [partyAId] },
  ]);

  // Party B is not asked: its account is refused, whatever it claims to answer for.
  await rejects(
    partyB.call('answerDecision', { params: { id: decisionId }, body: { answer: 'objection', reasons: 'no' } }),
    403,
  );
  await rejects(
    partyB.call('answerDecision', {
      params: { id: decisionId },
      body: { answer: 'consent', organisationId: partyAId },
    }),
    403,
  );
  await rejects(partyB.call('getDecision', { params: { id: decisionId } }), 404);
  await rejects(partyA.call('answerDecision', { params: { id: decisionId }, body: { answer: 'objection' } }), 400);

  // Party A sees what awaits it, then consents.
  const mine = (await partyA.call('listDecisions', { query: { awaitingMine: 'true' } })).items;
  assert.deepEqual(
    mine.map((x) => [x.id, x.abilities.answer, x.notes]),
    [[decisionId, true, null]],
    'awaiting its answer; no deliberation notes for a party',
  );
  const answered = await partyA.call('answerDecision', { params: { id: decisionId }, body: { answer: 'consent' } });
  assert.deepEqual([answered.decision.state, answered.decision.ruleMet], ['adopted', true]);
  assert.deepEqual(brief(await findings()), ['S2 vacuum 2026-06-01 2026-12-31'], 'the consented unit covers S1');
});

test('a withdrawal flags the deployment at once; the decision stays adopted but says its rule is no longer met', async () => {
  clock.advance(3_600_000);
  const w = await partyA.call('answerDecision', { params: { id: decisionId }, body: { answer: 'withdrawal' } });
  assert.deepEqual([w.decision.state, w.decision.ruleMet, w.answer], ['adopted', false, 'withdrawal']);
  assert.deepEqual(
    brief(await findings()),
    [
      'S1 vacuum 2026-06-01 2026-12-31',
      'S1 unconsented 2026-06-01 2026-12-31 deployment:withdrawn',
      'S2 vacuum 2026-06-01 2026-12-31',
    ],
    'flagged at once, and S1 is a vacuum again',
  );
  // Every answer is shown to the parties asked, in order.
  const seen = await partyA.call('getDecision', { params: { id: decisionId } });
  assert.deepEqual(
    seen.answers.map((a) => a.answer),
    ['consent', 'withdrawal'],
  );
  clock.advance(3_600_000);
  await partyA.call('answerDecision', { params: { id: decisionId }, body: { answer: 'consent' } });
  assert.deepEqual(brief(await findings()), ['S2 vacuum 2026-06-01 2026-12-31'], 'consent renewed');
});

test('a conditional consent to the admission that excludes a sector flags a deployment there', async () => {
  // No admission rule: asking party B is saying its consent is needed.
  const admission = await coordinator.call('proposeDecision', {
    body: {
      kind: 'admission',
      title: 'Admit the contributor',
      subjects: [{ kind: 'contribution', id: contributionId }],
      addOrgIds: [partyBId],
      dueAt: inDays(7),
    },
  });
  assert.deepEqual(
    brief(await findings()).filter((f) => f.includes('unconsented')),
    ['S1 unconsented 2026-06-01 2026-12-31 admission:pending'],
  );
  await rejects(
    partyB.call('answerDecision', {
      params: { id: admission.id },
      body: { answer: 'consent', caveats: [{ kind: 'exclude_sector', sectorId }] },
    }),
    400,
  );
  // A caveat naming no sector (here an organisation's id) is refused, naming the field; nothing is written.
  await assert.rejects(
    partyB.call('answerDecision', {
      params: { id: admission.id },
      body: {
        answer: 'consent_with_conditions',
        conditions: 'Not there.',
        caveats: [
          { kind: 'exclude_sector', sectorId },
          { kind: 'exclude_sector', sectorId: partyAId },
        ],
      },
    }),
    (e: ApiError) => {
      assert.equal(e.status, 400);
      assert.match(JSON.stringify(e.problem), /caveats\.1\.sectorId/);
      assert.doesNotMatch(JSON.stringify(e.problem), /caveats\.0\.sectorId/);
      return true;
    },
  );
  assert.deepEqual((await coordinator.call('getDecision', { params: { id: admission.id } })).answers, []);
  const a = await partyB.call('answerDecision', {
    params: { id: admission.id },
    body: {
      answer: 'consent_with_conditions',
      conditions: 'Not in the test sector.',
      caveats: [{ kind: 'exclude_sector', sectorId }],
    },
  });
  assert.equal(a.decision.state, 'adopted');
  const flagged = (await findings()).filter((f) => f.kind === 'unconsented');
  assert.deepEqual(
    flagged.map((f) => [f.sectorId, f.deploymentId, f.consent]),
    [
      [
        sectorId,
        deploymentId,
        [
          {
            reason: 'excluded_sector',
            decisionKind: 'admission',
            decisionId: admission.id,
            organisationIds: [partyBId],
          },
        ],
      ],
    ],
  );
  // A deployment of the same contribution elsewhere is consented by the admission (its own decision aside).
  const elsewhere = await coordinator.call('createDeployment', {
    body: { contributionId, sectorId: otherSectorId, from: '2026-06-01', strength: 100 },
  });
  const there = (await findings()).filter((f) => f.deploymentId === elsewhere.id);
  assert.deepEqual(
    there.map((f) => f.consent?.map((g) => `${g.decisionKind}:${g.reason}`)),
    [['deployment:not_asked']],
    'only its own deployment decision is missing',
  );
  const standings = (await coordinator.call('listContributionStandings', {})).items.find(
    (s) => s.contributionId === contributionId,
  );
  assert.deepEqual(standings?.standings, [{ organisationId: partyBId, standing: 'accepted_with_caveats' }]);
});

test('a decision lapses at its due date with answers missing; late answers are refused', async () => {
  const d = await coordinator.call('proposeDecision', {
    body: {
      kind: 'other',
      title: 'Open the crossing on Fridays',
      addOrgIds: [partyAId, partyBId],
      dueAt: inDays(1 / 24),
    },
  });
  await partyB.call('answerDecision', { params: { id: d.id }, body: { answer: 'consent' } });
  clock.advance(2 * 3_600_000); // past the due date (sessions stay open: no timed test)
  const lapsed = await coordinator.call('getDecision', { params: { id: d.id } });
  assert.deepEqual([lapsed.state, lapsed.awaiting], ['lapsed', [partyAId]]);
  await rejects(partyA.call('answerDecision', { params: { id: d.id }, body: { answer: 'consent' } }), 409);
  await rejects(coordinator.call('cancelDecision', { params: { id: d.id }, body: {} }), 409);
  assert.deepEqual(
    (await coordinator.call('listDecisions', { query: { state: 'lapsed' } })).items.map((x) => x.id),
    [d.id],
  );
});

test('cancelled by the coordinator; deliberation notes stay with the mission', async () => {
  const d = await coordinator.call('proposeDecision', {
    body: { kind: 'other', title: 'Move the liaison office', addOrgIds: [partyAId], dueAt: inDays(3) },
  });
  const note = await coordinator.call('addDecisionNote', { params: { id: d.id }, body: { body: 'A will object.' } });
  await rejects(partyA.call('addDecisionNote', { params: { id: d.id }, body: { body: 'x' } }), 403);
  assert.equal((await partyA.call('getDecision', { params: { id: d.id } })).notes, null);
  assert.deepEqual(
    (await coordinator.call('getDecision', { params: { id: d.id } })).notes?.map((n) => n.id),
    [note.id],
  );
  await rejects(partyA.call('cancelDecision', { params: { id: d.id }, body: {} }), 403);
  const c = await coordinator.call('cancelDecision', { params: { id: d.id }, body: { version: 1 } });
  assert.deepEqual([c.state, c.version], ['cancelled', 2]);
  await rejects(partyA.call('answerDecision', { params: { id: d.id }, body: { answer: 'consent' } }), 409);
});

test("a monitor of a party reads decisions as that party's observer does: no notes, no deliberation, nothing addressed to others", async () => {
  const url = api.server.url;
  const partyMonitor = (await makeSignedIn(api.deps, url, 'monitor', { organisationId: partyAId })).client;
  const impartial = (await makeSignedIn(api.deps, url, 'monitor')).client;
  const own = await coordinator.call('proposeDecision', {
    body: { kind: 'other', title: 'Open a liaison office', addOrgIds: [partyAId], dueAt: inDays(3) },
  });
  const others = await coordinator.call('proposeDecision', {
    body: { kind: 'other', title: 'A matter for party B alone', addOrgIds: [partyBId], dueAt: inDays(3) },
  });
  await coordinator.call('addDecisionNote', { params: { id: own.id }, body: { body: 'Internal: A may object.' } });

  const seen = await partyMonitor.call('getDecision', { params: { id: own.id } });
  assert.equal(seen.notes, null, "a party's monitor is not shown the mission's notes");
  assert.equal(seen.abilities?.deliberate, false);
  await rejects(partyMonitor.call('addDecisionNote', { params: { id: own.id }, body: { body: 'x' } }), 403);
  const listed = (await partyMonitor.call('listDecisions', { query: {} })).items.map((d) => d.id);
  assert.ok(listed.includes(own.id));
  assert.ok(!listed.includes(others.id), 'a decision addressed to another party only');
  assert.deepEqual(
    listed.toSorted(),
    (await partyA.call('listDecisions', { query: {} })).items.map((d) => d.id).toSorted(),
  );

  // A monitor of an impartial body deliberates with the mission.
  assert.ok((await impartial.call('getDecision', { params: { id: own.id } })).notes?.length === 1);
  assert.ok((await impartial.call('listDecisions', { query: {} })).items.some((d) => d.id === others.id));
});

test("a coordinator or admin account in a party's organisation is that party's, not the mission's", async () => {
  const url = api.server.url;
  const partyCoordinator = (await makeSignedIn(api.deps, url, 'coordinator', { organisationId: partyAId })).client;
  const partyAdmin = (await makeSignedIn(api.deps, url, 'admin', { organisationId: partyAId })).client;
  const d = await coordinator.call('proposeDecision', {
    body: { kind: 'other', title: 'Close the northern crossing', addOrgIds: [partyAId], dueAt: inDays(3) },
  });
  const others = await coordinator.call('proposeDecision', {
    body: { kind: 'other', title: 'For party B only', addOrgIds: [partyBId], dueAt: inDays(3) },
  });
  await coordinator.call('addDecisionNote', { params: { id: d.id }, body: { body: 'Internal: A may object.' } });
  for (const client of [partyCoordinator, partyAdmin]) {
    const seen = await client.call('getDecision', { params: { id: d.id } });
    assert.equal(seen.notes, null, "the mission's notes are not shown");
    assert.equal(seen.abilities?.deliberate, false);
    await rejects(client.call('addDecisionNote', { params: { id: d.id }, body: { body: 'x' } }), 403);
    await rejects(client.call('getDecision', { params: { id: others.id } }), 404);
  }
  await rejects(partyCoordinator.call('cancelDecision', { params: { id: d.id }, body: {} }), 403);
  await rejects(
    partyCoordinator.call('setConsentRule', { params: { kind: 'crossing' }, body: { requiredOrgIds: [partyAId] } }),
    403,
  );
  await rejects(
    partyCoordinator.call('proposeDecision', {
      body: { kind: 'other', title: 'Mine', addOrgIds: [partyAId], dueAt: inDays(3) },
    }),
    403,
  );
  // It still answers for its own organisation.
  await partyCoordinator.call('answerDecision', { params: { id: d.id }, body: { answer: 'consent' } });
});
