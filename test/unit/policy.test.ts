/**
 * The full role x action x ownership matrix, written out independently of the policy module:
 * any change to who may do what must change this table too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, can, authorize, PolicyDenied, type Action, type Actor } from '../../src/domain/policy.ts';
import { ROLES, type Role } from '../../src/contract/enums.ts';

// A = allowed on any organisation's records, O = only own organisation's, - = denied.
const EXPECTED: Record<Action, Record<Role, 'A' | 'O' | '-'>> = {
  'mission.read':        { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'organisation.read':   { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'organisation.create': { admin: 'A', coordinator: '-', monitor: '-', liaison: '-', observer: '-' },
  'user.read':           { admin: 'A', coordinator: 'A', monitor: 'O', liaison: 'O', observer: '-' },
  'user.create':         { admin: 'A', coordinator: '-', monitor: '-', liaison: '-', observer: '-' },
  'user.update':         { admin: 'A', coordinator: '-', monitor: '-', liaison: '-', observer: '-' },
  'token.create':        { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'contribution.read':   { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'contribution.create': { admin: 'A', coordinator: 'A', monitor: '-', liaison: 'O', observer: '-' },
  'audit.read':          { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
};

const OWN = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

test('the expected table covers every action of the policy', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), [...ACTIONS].sort());
});

for (const action of ACTIONS) {
  for (const role of ROLES) {
    const expected = EXPECTED[action][role];
    test(`${role} ${expected === '-' ? 'may not' : 'may'} ${action}${expected === 'O' ? ' (own organisation only)' : ''}`, () => {
      const actor: Actor = { userId: 'u', organisationId: OWN, role };
      assert.equal(can(actor, action, { organisationId: OWN }), expected !== '-', 'own organisation');
      assert.equal(can(actor, action, { organisationId: OTHER }), expected === 'A', 'other organisation');
      if (expected === '-') assert.throws(() => authorize(actor, action), PolicyDenied);
      else assert.doesNotThrow(() => authorize(actor, action, { organisationId: OWN }));
    });
  }
}

test('the operator at the console (null actor) may do anything', () => {
  for (const action of ACTIONS) assert.doesNotThrow(() => authorize(null, action, { organisationId: OTHER }));
});
