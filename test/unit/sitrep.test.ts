/** The situation report's day in Asia/Gaza: local midnight to local midnight, across clock changes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayWindow, localDate } from '../../src/domain/sitrep.ts';

test('a summer day in Gaza starts at 21:00 UTC the evening before', () => {
  const d = dayWindow('2025-10-13', 'Asia/Gaza');
  assert.equal(d.from.toISOString(), '2025-10-12T21:00:00.000Z');
  assert.equal(d.to.toISOString(), '2025-10-13T21:00:00.000Z');
});

test('the day the clocks go back lasts 25 hours; a winter day starts at 22:00 UTC', () => {
  const change = dayWindow('2025-10-25', 'Asia/Gaza');
  assert.equal((change.to.getTime() - change.from.getTime()) / 3_600_000, 25);
  assert.equal(dayWindow('2025-12-01', 'Asia/Gaza').from.toISOString(), '2025-11-30T22:00:00.000Z');
});

test('an instant belongs to its local calendar day', () => {
  assert.equal(localDate(new Date('2025-10-12T21:30:00Z'), 'Asia/Gaza'), '2025-10-13');
  assert.equal(localDate(new Date('2025-10-12T20:59:59Z'), 'Asia/Gaza'), '2025-10-12');
  assert.equal(localDate(new Date('2025-10-12T21:30:00Z'), 'UTC'), '2025-10-12');
});
