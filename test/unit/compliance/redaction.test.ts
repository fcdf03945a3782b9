/** The presenter's redaction of person-level data, for every role and every kind of provision. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '../../../src/contract/enums.ts';
import { namesVisibleTo, presentDelivery } from '../../../src/presenters/compliance/provisions.ts';
import type { DeliveryRow, ProvisionRow } from '../../../src/repositories/compliance/provisions.ts';
import { provisionRow } from '../../../src/services/compliance/provisions.ts';

const ICRC = '00000000-0000-4000-8000-00000000000c';
const OTHER = '00000000-0000-4000-8000-00000000000d';
const PARTY = '00000000-0000-4000-8000-00000000000e';
const withIntermediary: ProvisionRow = provisionRow(
  '00000000-0000-4000-8000-000000000001',
  {
    phase: 1,
    reference: '',
    title: 'Release',
    text: '',
    type: 'prisoner_release',
    partyIds: [PARTY],
    intermediaryOrgId: ICRC,
    deadline: { kind: 'none' },
    measure: { kind: 'count', target: 3, unit: 'persons' },
  },
  new Date(),
);
const withoutIntermediary: ProvisionRow = { ...withIntermediary, intermediary_org_id: null };

const delivery: DeliveryRow = {
  id: '00000000-0000-4000-8000-000000000002',
  provision_id: withIntermediary.id,
  organisation_id: PARTY,
  count: 3,
  occurred_at: new Date('2025-10-13T08:00:00Z'),
  verifier: 'ICRC',
  location: '',
  evidence: '',
  persons: [{ name: 'Someone Named' }],
  persons_named: 1,
  recorded_by: null,
  version: 1,
  created_at: new Date(),
};

// Expected, written out: who sees names on a provision whose intermediary is ICRC.
const EXPECTED: Record<
  (typeof ROLES)[number],
  { ownIntermediary: boolean; otherOrg: boolean; noIntermediary: boolean }
> = {
  admin: { ownIntermediary: true, otherOrg: true, noIntermediary: true },
  coordinator: { ownIntermediary: true, otherOrg: true, noIntermediary: true },
  monitor: { ownIntermediary: false, otherOrg: false, noIntermediary: false },
  liaison: { ownIntermediary: true, otherOrg: false, noIntermediary: false },
  observer: { ownIntermediary: false, otherOrg: false, noIntermediary: false },
};

for (const role of ROLES) {
  test(`${role}: names per the expected table; counts always`, () => {
    const e = EXPECTED[role];
    const standing = { credential: 'session' as const };
    const inIcrc = { userId: 'u', organisationId: ICRC, role, organisationChain: [], ...standing };
    const elsewhere = { userId: 'u', organisationId: OTHER, role, organisationChain: [], ...standing };
    assert.equal(namesVisibleTo(inIcrc, withIntermediary), e.ownIntermediary, 'member of the intermediary');
    assert.equal(namesVisibleTo(elsewhere, withIntermediary), e.otherOrg, 'member of another organisation');
    assert.equal(namesVisibleTo(inIcrc, withoutIntermediary), e.noIntermediary, 'provision without an intermediary');
    const shown = presentDelivery(delivery, namesVisibleTo(elsewhere, withIntermediary));
    assert.equal(shown.count, 3);
    assert.equal(shown.personsNamed, 1);
    assert.deepEqual(shown.persons, e.otherOrg ? [{ name: 'Someone Named' }] : null);
  });
}

test('the console operator (no actor) sees names', () => {
  assert.equal(namesVisibleTo(null, withIntermediary), true);
});
