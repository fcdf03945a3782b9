/**
 * The conditions of the actor's standing (policy/standing.ts), checked for every grant the matrix
 * gives: each condition is broken alone, and the grant must fall exactly when the expected table
 * (./policy/expected-conditions.ts) says it requires that condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIONS,
  authorize,
  can,
  PolicyDenied,
  type Actor,
  type Condition,
  type Target,
} from '../../src/domain/policy.ts';
import { ROLES, type OrgKind } from '../../src/contract/enums.ts';
import { isDisinterested, isImpartial } from '../../src/domain/policy/standing.ts';
import { EXPECTED_CONDITIONS } from './policy/expected-conditions.ts';
import { EXPECTED_CORE } from './policy/expected-core.ts';
import { EXPECTED_GEO } from './policy/expected-geo.ts';
import { EXPECTED_MONITORING } from './policy/expected-monitoring.ts';
import { EXPECTED_FORCE } from './policy/expected-force.ts';
import { EXPECTED_COMPLIANCE } from './policy/expected-compliance.ts';
import { EXPECTED_CONSENT } from './policy/expected-consent.ts';

const EXPECTED = {
  ...EXPECTED_CORE,
  ...EXPECTED_GEO,
  ...EXPECTED_MONITORING,
  ...EXPECTED_FORCE,
  ...EXPECTED_COMPLIANCE,
  ...EXPECTED_CONSENT,
};

const OWN = '00000000-0000-4000-8000-000000000001';
const TOP = '00000000-0000-4000-8000-000000000003';

const link = (id: string, kind: OrgKind) => ({ id, kind });

/** Each condition broken alone: the actor and target that keep every other condition. */
const BROKEN: Record<
  Condition,
  { chain: Actor['organisationChain']; credential: Actor['credential']; partyIds: string[] }
> = {
  // A mission under a party: the mission itself is of an impartial kind, its parent is not.
  impartial: { chain: [link(OWN, 'mission'), link(TOP, 'party')], credential: 'session', partyIds: [] },
  // The organisation above the actor's is the record's obligated party.
  disinterested: {
    chain: [link(OWN, 'mission'), link(TOP, 'international_organisation')],
    credential: 'session',
    partyIds: [TOP],
  },
  session: {
    chain: [link(OWN, 'mission'), link(TOP, 'international_organisation')],
    credential: 'token',
    partyIds: [],
  },
};

for (const action of ACTIONS) {
  for (const role of ROLES) {
    const code = EXPECTED[action][role];
    if (code === '-') continue;
    const required = EXPECTED_CONDITIONS[action]?.[role] ?? [];
    for (const condition of Object.keys(BROKEN) as Condition[]) {
      const needed = required.includes(condition);
      test(`${role} ${action}: ${needed ? 'refused' : 'still allowed'} without ${condition}`, () => {
        const b = BROKEN[condition];
        const actor: Actor = {
          userId: 'u',
          organisationId: OWN,
          role,
          organisationChain: b.chain,
          credential: b.credential,
        };
        const target: Target =
          code === 'S' ? { userId: 'u', partyIds: b.partyIds } : { organisationId: OWN, partyIds: b.partyIds };
        assert.equal(can(actor, action, target), !needed);
        if (needed) {
          assert.throws(
            () => authorize(actor, action, target),
            (e: unknown) => e instanceof PolicyDenied && e.unmet === condition,
            'the refusal names the condition that failed',
          );
        }
      });
    }
  }
}

test('the expected conditions name only grants the matrix gives', () => {
  for (const [action, byRole] of Object.entries(EXPECTED_CONDITIONS)) {
    for (const role of Object.keys(byRole ?? {})) {
      assert.notEqual(EXPECTED[action as keyof typeof EXPECTED][role as keyof (typeof EXPECTED)['mission.read']], '-');
    }
  }
});

test('impartial: every organisation of the chain reviews rulings, and the chain has no cycle', () => {
  assert.equal(isImpartial([link(OWN, 'international_organisation')]), true);
  assert.equal(isImpartial([link(OWN, 'mission'), link(TOP, 'international_organisation')]), true);
  assert.equal(isImpartial([link(OWN, 'ngo')]), true);
  assert.equal(isImpartial([link(OWN, 'party')]), false, "a party's monitors");
  assert.equal(isImpartial([link(OWN, 'state')]), false, "a state's monitors");
  assert.equal(isImpartial([link(OWN, 'mission'), link(TOP, 'state')]), false, 'a mission under a state');
  assert.equal(isImpartial([link(OWN, 'ngo'), link(TOP, 'party')]), false, 'an NGO under a party');
  assert.equal(isImpartial([]), false, 'no organisation known: trusted with nothing');
  assert.equal(isImpartial([link(OWN, 'mission'), link(TOP, 'mission'), link(OWN, 'mission')]), false, 'a cycle');
});

test('disinterested: no organisation of the chain is obligated; a target naming no parties is refused', () => {
  const chain = [link(OWN, 'mission'), link(TOP, 'party')];
  assert.equal(isDisinterested(chain, []), true);
  assert.equal(isDisinterested(chain, ['someone else']), true);
  assert.equal(isDisinterested(chain, [OWN]), false, 'its own organisation');
  assert.equal(isDisinterested(chain, [TOP]), false, 'an organisation above it');
  assert.equal(isDisinterested(chain, undefined), false, 'parties not given: denied, never allowed everywhere');
  const coordinator: Actor = {
    userId: 'u',
    organisationId: OWN,
    role: 'coordinator',
    organisationChain: chain,
    credential: 'session',
  };
  assert.equal(can(coordinator, 'provision.deliver'), false, 'a call that forgets the parties is denied');
});

test('the console (null actor) is subject to no condition', () => {
  assert.doesNotThrow(() => authorize(null, 'token.create'));
  assert.doesNotThrow(() => authorize(null, 'provision.deliver'));
});

test('a refused token creation says why', () => {
  const actor: Actor = {
    userId: 'u',
    organisationId: OWN,
    role: 'observer',
    organisationChain: [],
    credential: 'token',
  };
  assert.throws(() => authorize(actor, 'token.create'), /signed-in session/);
});
