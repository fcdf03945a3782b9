/** Area released and taken between two held areas of a control line, in km². */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Polygon } from 'geojson';
import { diffHeldAreas } from '../../../src/domain/handover/line-diff.ts';

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

test('moving the line west releases the strip between the two versions', () => {
  // Two boxes 0.01 degrees wide at the Gaza latitude: the eastern one is about 1.05 x 11.1 km.
  const before = box(34.4, 31.3, 34.42, 31.4);
  const after = box(34.41, 31.3, 34.42, 31.4);
  const d = diffHeldAreas(before, after);
  assert.ok(d.releasedKm2 > 10 && d.releasedKm2 < 11, `released ${d.releasedKm2}`);
  assert.equal(d.takenKm2, 0);
  assert.equal(d.taken, null);
  assert.equal(d.released?.type, 'Polygon');
});

test('a line pushed forward takes ground; the same area twice changes nothing', () => {
  const a = box(34.4, 31.3, 34.42, 31.4);
  const d = diffHeldAreas(a, box(34.39, 31.3, 34.42, 31.4));
  assert.equal(d.releasedKm2, 0);
  assert.ok(d.takenKm2 > 10);
  assert.deepEqual(diffHeldAreas(a, a), { releasedKm2: 0, takenKm2: 0, released: null, taken: null });
});
