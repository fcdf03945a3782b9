/**
 * The full role x action x ownership matrix, written out independently of the policy module:
 * any change to who may do what must change this table too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, can, authorize, PolicyDenied, type Action, type Actor } from '../../src/domain/policy.ts';
import { ROLES, type Role } from '../../src/contract/enums.ts';
import { EXPECTED_CORE } from './policy/expected-core.ts';
import { EXPECTED_GEO } from './policy/expected-geo.ts';
import { EXPECTED_MONITORING } from './policy/expected-monitoring.ts';
import { EXPECTED_FORCE } from './policy/expected-force.ts';
import { EXPECTED_COMPLIANCE } from './policy/expected-compliance.ts';
import { EXPECTED_CONSENT } from './policy/expected-consent.ts';

// Each capability's rows live in ./policy/expected-<capability>.ts, written out by hand.
const EXPECTED: Record<Action, Record<Role, 'A' | 'O' | 'S' | '-'>> = {
  ...EXPECTED_CORE,
  ...EXPECTED_GEO,
  ...EXPECTED_MONITORING,
  ...EXPECTED_FORCE,
  ...EXPECTED_COMPLIANCE,
  ...EXPECTED_CONSENT,
};

const OWN = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

/**
 * The matrix is read for an actor whose standing meets every condition (policy/standing.ts): an
 * impartial body's account, signed in, acting on a record that obligates nobody. What each
 * condition takes away is in policy-conditions.test.ts.
 */
const STANDING = {
  organisationChain: [{ id: OWN, kind: 'mission' as const }],
  credential: 'session' as const,
};
const NO_PARTIES = { partyIds: [] };

test('the expected table covers every action of the policy', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), [...ACTIONS].sort());
});

for (const action of ACTIONS) {
  for (const role of ROLES) {
    const expected = EXPECTED[action][role];
    const only = expected === 'O' ? ' (own organisation only)' : expected === 'S' ? ' (own account only)' : '';
    test(`${role} ${expected === '-' ? 'may not' : 'may'} ${action}${only}`, () => {
      const actor: Actor = { userId: 'u', organisationId: OWN, role, ...STANDING };
      if (expected === 'S') {
        assert.equal(can(actor, action, { userId: 'u', ...NO_PARTIES }), true, 'own account');
        assert.equal(
          can(actor, action, { userId: 'someone else', organisationId: OWN }),
          false,
          'another account of the same organisation',
        );
        assert.equal(can(actor, action, { organisationId: OWN }), false, 'no account named: denied');
        assert.throws(() => authorize(actor, action), PolicyDenied);
        return;
      }
      assert.equal(can(actor, action, { organisationId: OWN, ...NO_PARTIES }), expected !== '-', 'own organisation');
      assert.equal(
        can(actor, action, { organisationId: OTHER, ...NO_PARTIES }),
        expected === 'A',
        'other organisation',
      );
      if (expected === '-') assert.throws(() => authorize(actor, action), PolicyDenied);
      else assert.doesNotThrow(() => authorize(actor, action, { organisationId: OWN, ...NO_PARTIES }));
    });
  }
}

test('the operator at the console (null actor) may do anything', () => {
  for (const action of ACTIONS) assert.doesNotThrow(() => authorize(null, action, { organisationId: OTHER }));
});

test("an 'own' grant without a target is denied, never allowed everywhere", () => {
  const liaison: Actor = { userId: 'u', organisationId: OWN, role: 'liaison', ...STANDING };
  assert.equal(can(liaison, 'contribution.create'), false);
  assert.equal(can(liaison, 'contribution.create', { organisationId: OWN }), true);
  assert.equal(can({ ...liaison, role: 'coordinator' }, 'contribution.create'), true, "an 'all' grant needs no target");
});
