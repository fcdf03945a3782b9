/** Who counts for joint verification of a ruling: monitors only, monitoring bodies once each, judged now. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  effectiveQuorum,
  rulingBody,
  tallyApprovals,
  type ApprovalFact,
  type OrgNode,
} from '../../../src/domain/monitoring/ruling.ts';
import type { OrgKind } from '../../../src/contract/enums.ts';
import { checkAppeal, proposerOrganisation } from '../../../src/domain/monitoring/appeal.ts';

const org = (id: string, kind: OrgKind, parentId: string | null = null): OrgNode => ({
  id,
  name: id.toUpperCase(),
  kind,
  parentId,
});
const ORGS = new Map(
  [
    org('un', 'international_organisation'),
    org('eu', 'international_organisation'),
    org('eubam', 'mission', 'eu'),
    org('carter', 'ngo'),
    org('israel', 'party'),
    org('hamas', 'party'),
    org('egypt', 'state'),
    org('egypt-team', 'mission', 'egypt'),
  ].map((o) => [o.id, o]),
);
const monitor = (
  userId: string,
  organisationId: string,
  over: Partial<NonNullable<ApprovalFact['current']>> = {},
): ApprovalFact => ({
  userId,
  organisationId,
  current: { role: 'monitor', disabled: false, organisationId, ...over },
});

test('the quorum is never below two bodies', () => {
  assert.equal(effectiveQuorum(1), 2);
  assert.equal(effectiveQuorum(0), 2);
  assert.equal(effectiveQuorum(3), 3);
});

test('a body is the top organisation, and every organisation of its chain must review rulings', () => {
  assert.equal(rulingBody('eubam', ORGS)?.id, 'eu');
  assert.equal(rulingBody('un', ORGS)?.id, 'un');
  assert.equal(rulingBody('carter', ORGS)?.id, 'carter');
  assert.equal(rulingBody('israel', ORGS), null, 'a party never rules');
  assert.equal(rulingBody('egypt', ORGS), null, 'a state does not rule');
  assert.equal(rulingBody('egypt-team', ORGS), null, "a mission under a state is the state's");
  assert.equal(rulingBody(null, ORGS), null, 'the console has no organisation');
  const cyclic = new Map([
    ['a', org('a', 'mission', 'b')],
    ['b', org('b', 'mission', 'a')],
  ]);
  assert.equal(rulingBody('a', cyclic), null);
});

test('one body alone never decides, whoever proposed; two monitors of one body count once', () => {
  const proposerAndColleague = tallyApprovals([monitor('un-1', 'un'), monitor('un-2', 'un')], ORGS, 1);
  assert.equal(proposerAndColleague.counted.length, 1);
  assert.equal(proposerAndColleague.counted[0]?.approvals.length, 2);
  assert.deepEqual([proposerAndColleague.missing, proposerAndColleague.reached], [1, false]);
  // The EU and its mission EUBAM Rafah are one body.
  assert.equal(tallyApprovals([monitor('eu-1', 'eu'), monitor('eubam-1', 'eubam')], ORGS, 2).reached, false);
  const joint = tallyApprovals([monitor('un-1', 'un'), monitor('eubam-1', 'eubam')], ORGS, 2);
  assert.deepEqual(
    joint.counted.map((b) => b.organisationName),
    ['UN', 'EU'],
  );
  assert.equal(joint.reached, true);
});

test('only current monitors of their organisation count: disabled, moved, demoted, parties and states do not', () => {
  const t = tallyApprovals(
    [
      monitor('un-1', 'un', { disabled: true }),
      monitor('un-2', 'un', { organisationId: 'carter' }),
      monitor('un-3', 'un', { role: 'coordinator' }),
      monitor('il-1', 'israel'),
      monitor('eg-1', 'egypt-team'),
      { userId: null, organisationId: null, current: null },
      monitor('eubam-1', 'eubam'),
    ],
    ORGS,
    2,
  );
  assert.deepEqual(
    t.notCounted.map((n) => n.reason),
    [
      'disabled',
      'moved',
      'not_a_monitor',
      'not_a_monitoring_organisation',
      'not_a_monitoring_organisation',
      'no_account',
    ],
  );
  assert.deepEqual(
    t.counted.map((b) => b.organisationId),
    ['eu'],
  );
  assert.deepEqual([t.missing, t.reached], [1, false]);
});

test('property: reached exactly when the distinct eligible bodies reach max(2, quorum)', () => {
  const ids = ['un', 'eu', 'eubam', 'carter', 'israel', 'egypt'];
  fc.assert(
    fc.property(
      fc.array(fc.record({ org: fc.constantFrom(...ids), disabled: fc.boolean(), moved: fc.boolean() }), {
        maxLength: 12,
      }),
      fc.integer({ min: 1, max: 4 }),
      (votes, q) => {
        const approvals = votes.map((v, i) =>
          monitor(`u${i}`, v.org, {
            disabled: v.disabled,
            organisationId: v.moved ? ('un' === v.org ? 'eu' : 'un') : v.org,
          }),
        );
        const bodies = new Set(
          votes
            .filter((v) => !v.disabled && !v.moved)
            .map((v) => rulingBody(v.org, ORGS)?.id)
            .filter((b) => b !== undefined),
        );
        const t = tallyApprovals(approvals, ORGS, q);
        return t.reached === bodies.size >= Math.max(2, q) && t.counted.length === bodies.size;
      },
    ),
  );
});

test('an appeal needs a body that did not approve the ruling; the proposer’s body may be left out', () => {
  const original = ['un', 'eu'];
  const same = tallyApprovals([monitor('a', 'un'), monitor('b', 'eubam')], ORGS, 2, { needsOtherThan: original });
  assert.deepEqual([same.reached, same.missing, same.newBodyMissing], [false, 1, true]);
  const other = tallyApprovals([monitor('a', 'un'), monitor('c', 'carter')], ORGS, 2, { needsOtherThan: original });
  assert.deepEqual([other.reached, other.missing, other.newBodyMissing], [true, 0, false]);
  const proposer = tallyApprovals([monitor('a', 'un'), monitor('b', 'eubam')], ORGS, 2, { excludedBody: 'un' });
  assert.equal(proposer.reached, false);
  assert.deepEqual(
    proposer.notCounted.map((n) => n.reason),
    ['proposer_organisation'],
  );
});

test('an appeal is filed once per ruling, within the period counted from the ruling', () => {
  const ruledAt = new Date('2026-01-01T10:00:00Z');
  const history = [
    {
      action: 'transition',
      from_status: 'investigating',
      to_status: 'ruling_proposed',
      at: ruledAt,
      round: 1,
      actor_org_id: 'un',
      detail: {},
    },
    {
      action: 'transition',
      from_status: 'ruling_proposed',
      to_status: 'ruled',
      at: ruledAt,
      round: 1,
      actor_org_id: 'eu',
      detail: { approvingOrganisationIds: ['eu', 'un'] },
    },
  ] as const;
  const day = 86_400_000;
  assert.equal(checkAppeal('ruled', history, 14, new Date(ruledAt.getTime() + 13 * day)).ok, true);
  assert.equal(checkAppeal('ruled', history, 14, new Date(ruledAt.getTime() + 15 * day)).ok, false);
  assert.equal(checkAppeal('investigating', history, 14, ruledAt).ok, false);
  const appealed = [
    ...history,
    {
      action: 'appeal',
      from_status: 'ruled',
      to_status: 'appealed',
      at: ruledAt,
      round: 2,
      actor_org_id: 'israel',
      detail: {},
    },
  ] as const;
  assert.equal(checkAppeal('ruled', appealed, 14, ruledAt).ok, false);
  assert.equal(proposerOrganisation(history, 1), 'un');
});
