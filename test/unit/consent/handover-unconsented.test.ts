/** Issue 12 in the handover check: a deployment lacking consent is `unconsented` and covers nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHandover, type CheckInput } from '../../../src/domain/handover/check.ts';

const base: CheckInput = {
  from: '2026-01-01',
  to: '2026-01-31',
  sectorIds: ['s1'],
  milestones: [{ sectorId: 's1', kind: 'withdrawal', at: '2026-01-01' }],
  requirements: [],
  deployments: [{ id: 'd1', contributionId: 'c1', sectorId: 's1', from: '2026-01-10', to: null, strength: 100 }],
  contributions: [{ id: 'c1', quantity: 100, status: 'deployed', history: [{ status: 'deployed', on: '2025-12-01' }] }],
};
const brief = (i: CheckInput) => checkHandover(i).map((f) => [f.kind, f.from, f.to]);

test('consented: the unit fills the vacuum from its first day', () => {
  assert.deepEqual(brief(base), [['vacuum', '2026-01-01', '2026-01-09']]);
});

test('unconsented: a finding over its days, and the vacuum stays', () => {
  const gap = {
    reason: 'pending' as const,
    decisionKind: 'deployment' as const,
    decisionId: 'x',
    organisationIds: ['il'],
  };
  const input = { ...base, consentGaps: new Map([['d1', [gap]]]) };
  assert.deepEqual(brief(input), [
    ['vacuum', '2026-01-01', '2026-01-31'],
    ['unconsented', '2026-01-10', '2026-01-31'],
  ]);
  const f = checkHandover(input).find((x) => x.kind === 'unconsented');
  assert.ok(f && f.kind === 'unconsented');
  assert.deepEqual([f.deploymentId, f.strength, f.consent], ['d1', 100, [gap]]);
});

test('an unconsented unit still counts against its contribution (overcommitted)', () => {
  const gap = {
    reason: 'not_asked' as const,
    decisionKind: 'deployment' as const,
    decisionId: null,
    organisationIds: [],
  };
  const input: CheckInput = {
    ...base,
    deployments: [
      ...base.deployments,
      { id: 'd2', contributionId: 'c1', sectorId: 's1', from: '2026-01-10', to: null, strength: 50 },
    ],
    consentGaps: new Map([['d2', [gap]]]),
  };
  assert.deepEqual(brief(input), [
    ['vacuum', '2026-01-01', '2026-01-09'],
    ['overcommitted', '2026-01-10', '2026-01-31'],
    ['unconsented', '2026-01-10', '2026-01-31'],
  ]);
});
