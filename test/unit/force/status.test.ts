/**
 * The contribution status tables, written out by hand and compared move by move with the
 * module: every (kind, from, to) triple is either allowed here or rejected there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, type ContributionStatus } from '../../../src/contract/enums.ts';
import { checkTransition, isBelowLevel2, readinessOf, statusesOf, trackOf } from '../../../src/domain/force/status.ts';

const PCRS: Record<string, string[]> = {
  interest: ['pledged', 'withdrawn'],
  pledged: ['pcrs1', 'withdrawn'],
  pcrs1: ['pcrs2', 'withdrawn'],
  pcrs2: ['pcrs3', 'rapid', 'withdrawn'],
  pcrs3: ['rapid', 'deployed', 'withdrawn'],
  rapid: ['deployed', 'withdrawn'],
  deployed: ['rotated', 'withdrawn'],
};
const FTS: Record<string, string[]> = {
  interest: ['pledged', 'withdrawn'],
  pledged: ['committed', 'withdrawn'],
  committed: ['paid', 'withdrawn'],
};

for (const kind of CONTRIBUTION_KINDS) {
  const table = kind === 'money' ? FTS : PCRS;
  test(`every status move of a ${kind} contribution matches the written table`, () => {
    let allowed = 0;
    for (const from of CONTRIBUTION_STATUSES) {
      for (const to of CONTRIBUTION_STATUSES) {
        const expected = (table[from] ?? []).includes(to);
        const got = checkTransition(kind, from, to);
        assert.equal(got.ok, expected, `${kind}: ${from} -> ${to}`);
        if (!got.ok) assert.ok(got.reason.length > 0);
        if (expected) allowed += 1;
      }
    }
    assert.equal(allowed, Object.values(table).flat().length);
  });
}

test('money never enters the PCRS track, forces never the FTS track', () => {
  assert.equal(trackOf('money'), 'fts');
  assert.equal(trackOf('police'), 'pcrs');
  assert.deepEqual(statusesOf('fts').sort(), ['committed', 'interest', 'paid', 'pledged', 'withdrawn']);
  assert.ok(!statusesOf('pcrs').includes('paid'));
  assert.match((checkTransition('money', 'pledged', 'pcrs1') as { reason: string }).reason, /not a status of a money/);
  assert.match(
    (checkTransition('forces', 'withdrawn', 'deployed') as { reason: string }).reason,
    /cannot change status any more/,
  );
});

test('readiness classes: only deployed is strength; level 2 and up is confirmed', () => {
  const expected: Record<ContributionStatus, string | null> = {
    interest: 'interest',
    pledged: 'pledged',
    pcrs1: 'pledged',
    pcrs2: 'confirmed',
    pcrs3: 'confirmed',
    rapid: 'confirmed',
    deployed: 'deployed',
    rotated: null,
    withdrawn: null,
    committed: null,
    paid: null,
  };
  for (const s of CONTRIBUTION_STATUSES) assert.equal(readinessOf(s), expected[s], s);
  assert.deepEqual(CONTRIBUTION_STATUSES.filter(isBelowLevel2), ['interest', 'pledged', 'pcrs1']);
});
