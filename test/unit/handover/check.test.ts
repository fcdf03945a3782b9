/** The handover check: each kind of finding, its edges (same-day handover, rotations), merging. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkHandover,
  type CheckContribution,
  type CheckDeployment,
  type CheckInput,
} from '../../../src/domain/handover/check.ts';

const deployed = (id: string, quantity: number | null, more: CheckContribution['history'] = []): CheckContribution => ({
  id,
  quantity,
  status: more.at(-1)?.status ?? 'deployed',
  history: [{ status: 'deployed', on: '2025-12-01' }, ...more],
});
let n = 0;
const dep = (
  contributionId: string,
  sectorId: string,
  from: string,
  to: string | null,
  strength: number,
): CheckDeployment => ({
  id: `d${++n}`,
  contributionId,
  sectorId,
  from,
  to,
  strength,
});
const input = (over: Partial<CheckInput>): CheckInput => ({
  from: '2026-01-01',
  to: '2026-01-31',
  sectorIds: ['s1'],
  milestones: [],
  requirements: [],
  deployments: [],
  contributions: [],
  ...over,
});
const withdrawal = (sectorId: string, at: string) => ({ sectorId, kind: 'withdrawal' as const, at });

test('no withdrawal, no requirement: nothing to find', () => {
  assert.deepEqual(checkHandover(input({})), []);
});

test('a vacuum runs from the withdrawal until a unit arrives', () => {
  const f = checkHandover(
    input({
      milestones: [withdrawal('s1', '2026-01-10')],
      contributions: [deployed('a', 500)],
      deployments: [dep('a', 's1', '2026-01-15', null, 500)],
    }),
  );
  assert.deepEqual(f, [{ kind: 'vacuum', sectorId: 's1', from: '2026-01-10', to: '2026-01-14' }]);
});

test('a unit arriving the day of the withdrawal leaves no vacuum; the first of several withdrawals counts', () => {
  const f = checkHandover(
    input({
      milestones: [withdrawal('s1', '2026-01-20'), withdrawal('s1', '2026-01-10')],
      contributions: [deployed('a', 500)],
      deployments: [dep('a', 's1', '2026-01-10', null, 500)],
    }),
  );
  assert.deepEqual(f, []);
});

test('a rotation: the relief arriving on the day the first unit leaves is seamless; a day apart is a one-day vacuum', () => {
  const base = {
    milestones: [withdrawal('s1', '2026-01-01')],
    contributions: [deployed('a', 500), deployed('b', 500)],
  };
  assert.deepEqual(
    checkHandover(
      input({
        ...base,
        deployments: [dep('a', 's1', '2026-01-01', '2026-01-15', 500), dep('b', 's1', '2026-01-16', null, 500)],
      }),
    ),
    [],
  );
  assert.deepEqual(
    checkHandover(
      input({
        ...base,
        deployments: [dep('a', 's1', '2026-01-01', '2026-01-14', 500), dep('b', 's1', '2026-01-16', null, 500)],
      }),
    ),
    [{ kind: 'vacuum', sectorId: 's1', from: '2026-01-15', to: '2026-01-15' }],
  );
});

test('a unit rotated out or withdrawn stops counting the day it leaves, whatever its plan said', () => {
  const f = checkHandover(
    input({
      milestones: [withdrawal('s1', '2026-01-01')],
      contributions: [deployed('a', 500, [{ status: 'rotated', on: '2026-01-20' }])],
      deployments: [dep('a', 's1', '2026-01-01', null, 500)],
    }),
  );
  assert.deepEqual(f, [{ kind: 'vacuum', sectorId: 's1', from: '2026-01-20', to: '2026-01-31' }]);
});

test('understrength: under the sector requirement, before and after the withdrawal, with exact figures', () => {
  const f = checkHandover(
    input({
      milestones: [withdrawal('s1', '2026-01-10')],
      requirements: [
        {
          task: 'protection_of_civilians',
          capability: 'infantry',
          sectorId: 's1',
          quantity: 800,
          neededBy: '2026-01-05',
        },
        {
          task: 'protection_of_civilians',
          capability: 'infantry',
          sectorId: 's1',
          quantity: 1200,
          neededBy: '2026-01-25',
        },
        { task: 'border_areas', capability: 'border_monitors', sectorId: 's2', quantity: 50, neededBy: '2026-01-01' },
      ],
      contributions: [deployed('a', 1000)],
      deployments: [dep('a', 's1', '2026-01-08', null, 1000)],
    }),
  );
  assert.deepEqual(f, [
    { kind: 'understrength', sectorId: 's1', from: '2026-01-05', to: '2026-01-07', strength: 0, required: 800 },
    { kind: 'understrength', sectorId: 's1', from: '2026-01-25', to: '2026-01-31', strength: 1000, required: 1200 },
  ]);
});

test('overcommitted: deployments of one contribution beyond its quantity, reported in each sector involved', () => {
  const f = checkHandover(
    input({
      sectorIds: ['s1', 's2'],
      contributions: [deployed('a', 1000)],
      deployments: [dep('a', 's1', '2026-01-01', null, 700), dep('a', 's2', '2026-01-10', '2026-01-19', 400)],
    }),
  );
  assert.deepEqual(f, [
    {
      kind: 'overcommitted',
      sectorId: 's1',
      from: '2026-01-10',
      to: '2026-01-19',
      contributionId: 'a',
      assigned: 1100,
      available: 1000,
    },
    {
      kind: 'overcommitted',
      sectorId: 's2',
      from: '2026-01-10',
      to: '2026-01-19',
      contributionId: 'a',
      assigned: 1100,
      available: 1000,
    },
  ]);
});

test('a contribution of unknown size confirms nothing: any assignment is overcommitted', () => {
  const f = checkHandover(
    input({ contributions: [deployed('a', null)], deployments: [dep('a', 's1', '2026-01-30', null, 10)] }),
  );
  assert.deepEqual(f, [
    {
      kind: 'overcommitted',
      sectorId: 's1',
      from: '2026-01-30',
      to: '2026-01-31',
      contributionId: 'a',
      assigned: 10,
      available: 0,
    },
  ]);
});

test('unconfirmed: a deployment resting on a pledge below PCRS level 2, clipped to the period', () => {
  const pledged: CheckContribution = {
    id: 'p',
    quantity: 5000,
    status: 'pcrs1',
    history: [
      { status: 'pledged', on: '2025-11-01' },
      { status: 'pcrs1', on: '2025-12-01' },
    ],
  };
  const level2: CheckContribution = {
    id: 'q',
    quantity: 500,
    status: 'pcrs2',
    history: [{ status: 'pcrs2', on: '2025-11-01' }],
  };
  const d1 = dep('p', 's1', '2025-12-15', '2026-01-20', 3000);
  const f = checkHandover(
    input({ contributions: [pledged, level2], deployments: [d1, dep('q', 's1', '2026-01-01', null, 500)] }),
  );
  assert.deepEqual(f, [
    {
      kind: 'unconfirmed',
      sectorId: 's1',
      from: '2026-01-01',
      to: '2026-01-20',
      contributionId: 'p',
      deploymentId: d1.id,
      status: 'pcrs1',
      strength: 3000,
    },
  ]);
});

test('findings come sorted by sector order, then date; deployments outside the period are ignored', () => {
  const f = checkHandover(
    input({
      sectorIds: ['s2', 's1'],
      milestones: [withdrawal('s1', '2026-01-05'), withdrawal('s2', '2026-01-20')],
      contributions: [deployed('a', 100)],
      deployments: [dep('a', 's1', '2025-06-01', '2025-12-31', 100)],
    }),
  );
  assert.deepEqual(
    f.map((x) => [x.kind, x.sectorId, x.from, x.to]),
    [
      ['vacuum', 's2', '2026-01-20', '2026-01-31'],
      ['vacuum', 's1', '2026-01-05', '2026-01-31'],
    ],
  );
  assert.deepEqual(checkHandover(input({ from: '2026-02-01', to: '2026-01-01' })), []);
});
