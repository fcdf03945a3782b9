/** The timeline's lanes: overlapping deployments of a sector stack, a relief the day after shares the lane. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, laneBars } from '../../../web/src/features/handover/timeline.ts';

const dep = (id: string, from: string, to: string | null) => ({
  id,
  contributionId: 'c',
  sectorId: 's',
  from,
  to,
  strength: 1,
  note: '',
  version: 1,
  releasability: 'party' as const,
  detailReleasability: 'mission' as const,
  restricted: [],
});

test('overlaps go to new lanes; a back-to-back relief reuses the lane; bars are clipped to the period', () => {
  const lo = dayNumber('2026-01-01');
  const hi = dayNumber('2026-12-31');
  const bars = laneBars(
    [
      dep('a', '2025-06-01', '2026-03-31'),
      dep('b', '2026-04-01', null),
      dep('c', '2026-03-01', '2026-05-01'),
      dep('old', '2025-01-01', '2025-02-01'),
    ],
    lo,
    hi,
  );
  assert.deepEqual(
    bars.map((b) => [b.deployment.id, b.lane, b.first === lo, b.last === hi]),
    [
      ['a', 0, true, false],
      ['c', 1, false, false],
      ['b', 0, false, true],
    ],
  );
});
