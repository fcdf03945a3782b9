/** The gap arithmetic: statuses by day, phases of requirements, rotations and same-day moves. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  gapOn,
  gapSeries,
  statusOn,
  type GapContribution,
  type GapRequirement,
} from '../../../src/domain/force/gap.ts';
import { dayOf } from '../../../src/domain/force/days.ts';

const c = (
  id: string,
  quantity: number | null,
  history: GapContribution['history'],
  extra: Partial<GapContribution> = {},
): GapContribution => ({
  id,
  kind: 'forces',
  capability: 'infantry',
  quantity,
  unit: 'personnel',
  history,
  ...extra,
});
const req = (quantity: number, neededBy: string, extra: Partial<GapRequirement> = {}): GapRequirement => ({
  task: 'protection_of_civilians',
  capability: 'infantry',
  sectorId: null,
  quantity,
  neededBy,
  ...extra,
});

test('status on a day is the last move that took effect on or before it', () => {
  const h = [
    { status: 'pledged', on: '2026-01-01' },
    { status: 'pcrs2', on: '2026-02-01' },
    { status: 'deployed', on: '2026-03-01' },
  ] as const;
  assert.equal(statusOn(h, dayOf('2025-12-31')), null);
  assert.equal(statusOn(h, dayOf('2026-01-01')), 'pledged');
  assert.equal(statusOn(h, dayOf('2026-02-28')), 'pcrs2');
  assert.equal(statusOn(h, dayOf('2026-03-01')), 'deployed');
});

test('pledges are never added to deployed strength; the gap is required minus deployed', () => {
  const r = gapOn(
    '2026-03-01',
    [
      c('a', 1000, [{ status: 'deployed', on: '2026-02-01' }]),
      c('b', 3000, [{ status: 'pledged', on: '2026-01-01' }]),
      c('c', 500, [{ status: 'pcrs2', on: '2026-01-01' }]),
      c('d', 700, [{ status: 'interest', on: '2026-01-01' }]),
      c('e', 900, [{ status: 'pcrs1', on: '2026-01-01' }]),
    ],
    [req(5000, '2026-01-15')],
    [],
    [],
  );
  assert.deepEqual(r.byCapability, [
    { capability: 'infantry', required: 5000, deployed: 1000, confirmed: 500, pledged: 3900, interest: 700, gap: 4000 },
  ]);
  assert.equal(r.total.gap, 4000);
});

test('a later phase of the same requirement supersedes the earlier one; different sectors add up', () => {
  const reqs = [
    req(1000, '2026-01-01'),
    req(4000, '2026-06-01'),
    req(300, '2026-01-01', { sectorId: 's1' }),
    req(200, '2026-01-01', { sectorId: 's2', capability: 'engineers' }),
  ];
  const before = gapOn('2025-12-31', [], reqs, [], ['s1', 's2']);
  assert.deepEqual(before.byCapability, []);
  const early = gapOn('2026-05-31', [], reqs, [], ['s1', 's2']);
  assert.deepEqual(
    early.byCapability.map((x) => [x.capability, x.required]),
    [
      ['engineers', 200],
      ['infantry', 1300],
    ],
  );
  const late = gapOn('2026-06-01', [], reqs, [], ['s1', 's2']);
  assert.deepEqual(
    late.byCapability.map((x) => [x.capability, x.required]),
    [
      ['engineers', 200],
      ['infantry', 4300],
    ],
  );
  assert.deepEqual(
    late.bySector.map((x) => [x.sectorId, x.required]),
    [
      ['s1', 300],
      ['s2', 200],
    ],
  );
});

test('a rotation on the same day as the relief arrives: no dip, no double count', () => {
  const out = c('out', 800, [
    { status: 'pcrs3', on: '2026-01-01' },
    { status: 'deployed', on: '2026-02-01' },
    { status: 'rotated', on: '2026-05-01' },
  ]);
  const relief = c('in', 800, [
    { status: 'pcrs3', on: '2026-03-01' },
    { status: 'deployed', on: '2026-05-01' },
  ]);
  const series = gapSeries('2026-04-30', '2026-05-02', [out, relief], [req(800, '2026-01-01')]);
  assert.deepEqual(
    series.map((p) => [p.on, p.deployed, p.confirmed, p.gap]),
    [
      ['2026-04-30', 800, 800, 0],
      ['2026-05-01', 800, 0, 0],
      ['2026-05-02', 800, 0, 0],
    ],
  );
});

test('sector strength counts deployments by the readiness of their contribution, inclusive of the last day', () => {
  const cs = [
    c('a', 500, [{ status: 'deployed', on: '2026-01-01' }]),
    c('b', 400, [{ status: 'pledged', on: '2026-01-01' }]),
    c('w', 100, [{ status: 'withdrawn', on: '2026-01-01' }]),
  ];
  const deps = [
    { contributionId: 'a', sectorId: 's1', from: '2026-01-10', to: '2026-01-20', strength: 300 },
    { contributionId: 'b', sectorId: 's1', from: '2026-01-10', to: null, strength: 400 },
    { contributionId: 'w', sectorId: 's1', from: '2026-01-10', to: null, strength: 100 },
  ];
  const onLastDay = gapOn('2026-01-20', cs, [req(1000, '2026-01-01', { sectorId: 's1' })], deps, ['s1', 's2']);
  assert.deepEqual(onLastDay.bySector, [
    { sectorId: 's1', required: 1000, deployed: 300, confirmed: 0, pledged: 400, interest: 0, gap: 700 },
    { sectorId: 's2', required: 0, deployed: 0, confirmed: 0, pledged: 0, interest: 0, gap: 0 },
  ]);
  const after = gapOn('2026-01-21', cs, [req(1000, '2026-01-01', { sectorId: 's1' })], deps, ['s1']);
  assert.equal(after.bySector[0]!.deployed, 0);
  assert.equal(after.bySector[0]!.gap, 1000);
});

test('money, items and unquantified offers stay out of the personnel gap', () => {
  const r = gapOn(
    '2026-01-01',
    [
      c('m', 1e6, [{ status: 'paid', on: '2026-01-01' }], { kind: 'money', unit: 'currency', capability: 'funding' }),
      c('i', 20, [{ status: 'deployed', on: '2026-01-01' }], { kind: 'equipment', unit: 'items' }),
      c('n', null, [{ status: 'deployed', on: '2026-01-01' }]),
    ],
    [],
    [],
    [],
  );
  assert.deepEqual(r.byCapability, []);
});

test('the series equals the day-by-day table on every day', () => {
  const cs = [
    c('a', 1000, [
      { status: 'pledged', on: '2026-01-03' },
      { status: 'pcrs2', on: '2026-01-05' },
      { status: 'deployed', on: '2026-01-08' },
      { status: 'withdrawn', on: '2026-01-12' },
    ]),
    c('b', 250, [{ status: 'deployed', on: '2026-01-01' }], { capability: 'medical' }),
  ];
  const reqs = [
    req(600, '2026-01-04'),
    req(1200, '2026-01-09'),
    req(100, '2026-01-02', { capability: 'medical', sectorId: 's1' }),
  ];
  const series = gapSeries('2026-01-01', '2026-01-14', cs, reqs);
  assert.equal(series.length, 14);
  for (const p of series) {
    const t = gapOn(p.on, cs, reqs, [], []);
    assert.deepEqual(
      [p.deployed, p.confirmed, p.pledged, p.interest, p.required, p.gap],
      [t.total.deployed, t.total.confirmed, t.total.pledged, t.total.interest, t.total.required, t.total.gap],
      p.on,
    );
    for (const row of t.byCapability)
      assert.equal(p.gapByCapability[row.capability] ?? 0, row.gap, `${p.on} ${row.capability}`);
  }
  assert.equal(series.find((p) => p.on === '2026-01-10')!.gapByCapability.infantry, 200);
  assert.equal(series.find((p) => p.on === '2026-01-12')!.gapByCapability.infantry, 1200);
});

test('money is reported per currency and FTS stage, never summed with strength or across stages', () => {
  const money = (id: string, quantity: number, currency: string, history: GapContribution['history']) =>
    c(id, quantity, history, { kind: 'money', unit: 'currency', capability: 'funding', currency });
  const r = gapOn(
    '2026-03-01',
    [
      money('p', 5e6, 'USD', [{ status: 'pledged', on: '2026-01-01' }]),
      money('q', 2e6, 'USD', [
        { status: 'pledged', on: '2026-01-01' },
        { status: 'committed', on: '2026-02-01' },
        { status: 'paid', on: '2026-03-01' },
      ]),
      money('r', 1e6, 'EUR', [
        { status: 'pledged', on: '2026-01-01' },
        { status: 'committed', on: '2026-02-01' },
      ]),
      money('w', 9e6, 'EUR', [
        { status: 'pledged', on: '2026-01-01' },
        { status: 'withdrawn', on: '2026-02-15' },
      ]),
      money('i', 3e6, 'EUR', [{ status: 'interest', on: '2026-01-01' }]),
    ],
    [],
    [],
    [],
  );
  assert.deepEqual(r.funding, [
    { currency: 'EUR', pledged: 0, committed: 1e6, paid: 0 },
    { currency: 'USD', pledged: 5e6, committed: 0, paid: 2e6 },
  ]);
  assert.deepEqual(r.byCapability, []);
  assert.equal(
    gapOn(
      '2026-02-10',
      [
        money('w', 9e6, 'EUR', [
          { status: 'pledged', on: '2026-01-01' },
          { status: 'withdrawn', on: '2026-02-15' },
        ]),
      ],
      [],
      [],
      [],
    ).funding[0]!.pledged,
    9e6,
  );
});
