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
