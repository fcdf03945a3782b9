/** Deadline arithmetic in Asia/Gaza and UTC, with Intl only, across daylight-saving changes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addOffset,
  parseLocal,
  resolveDeadline,
  secondsUntil,
  wallTime,
  zoneOffsetMs,
  zonedTimeToInstant,
} from '../../../src/domain/compliance/deadline.ts';

const GAZA = 'Asia/Gaza';
const ceasefire = new Date('2025-10-10T09:00:00Z');

test('the ceasefire took effect at 12:00 Asia/Gaza, UTC+3 in summer time', () => {
  assert.equal(parseLocal('2025-10-10T12:00', GAZA).toISOString(), ceasefire.toISOString());
  assert.equal(zoneOffsetMs(ceasefire, GAZA), 3 * 3_600_000);
  assert.equal(parseLocal('2025-10-10T12:00', 'UTC').toISOString(), '2025-10-10T12:00:00.000Z');
});

test('72 hours after the ceasefire is 13 Oct 12:00 local, whatever the zone used', () => {
  assert.equal(addOffset(ceasefire, 72, 'hours', GAZA).toISOString(), '2025-10-13T09:00:00.000Z');
  assert.equal(addOffset(ceasefire, 72, 'hours', 'UTC').toISOString(), '2025-10-13T09:00:00.000Z');
});

test('calendar days keep the local time across the end of summer time (25 Oct 2025), hours do not', () => {
  // Asia/Gaza went from UTC+3 to UTC+2 at 02:00 on Saturday 25 October 2025.
  assert.equal(zoneOffsetMs(new Date('2025-10-26T00:00:00Z'), GAZA), 2 * 3_600_000);
  const fifteenDays = addOffset(ceasefire, 15, 'days', GAZA);
  assert.equal(fifteenDays.toISOString(), '2025-10-25T10:00:00.000Z');
  assert.deepEqual(wallTime(fifteenDays, GAZA), { year: 2025, month: 10, day: 25, hour: 12, minute: 0, second: 0 });
  const hours = addOffset(ceasefire, 360, 'hours', GAZA);
  assert.equal(hours.toISOString(), '2025-10-25T09:00:00.000Z');
  assert.equal(wallTime(hours, GAZA).hour, 11, '360 hours land at 11:00 local after the change');
  // In UTC, calendar days and 24-hour days are the same thing.
  assert.equal(addOffset(ceasefire, 15, 'days', 'UTC').toISOString(), '2025-10-25T09:00:00.000Z');
});

test('days roll over months and years', () => {
  assert.equal(
    addOffset(parseLocal('2025-10-31T23:30', GAZA), 1, 'days', GAZA).toISOString(),
    parseLocal('2025-11-01T23:30', GAZA).toISOString(),
  );
  assert.equal(addOffset(new Date('2025-12-31T12:00:00Z'), 1, 'days', 'UTC').toISOString(), '2026-01-01T12:00:00.000Z');
  assert.equal(addOffset(ceasefire, 0, 'days', GAZA).toISOString(), ceasefire.toISOString());
});

test('a repeated local time resolves to its first occurrence', () => {
  // 01:30 on 25 Oct 2025 happened twice in Gaza: at UTC+3, then again at UTC+2.
  const first = zonedTimeToInstant({ year: 2025, month: 10, day: 25, hour: 1, minute: 30, second: 0 }, GAZA);
  assert.equal(first.toISOString(), '2025-10-24T22:30:00.000Z');
});

test('a skipped local time moves forward past the gap', () => {
  // Gaza entered summer time in April 2025: find the skipped hour with Intl, then check.
  let gapStart: Date | null = null;
  for (let t = Date.parse('2025-03-01T00:00:00Z'); t < Date.parse('2025-06-01T00:00:00Z'); t += 3_600_000) {
    if (zoneOffsetMs(new Date(t + 3_600_000), GAZA) > zoneOffsetMs(new Date(t), GAZA)) {
      gapStart = new Date(t + 3_600_000);
      break;
    }
  }
  assert.ok(gapStart, 'a spring change exists in 2025');
  const before = wallTime(new Date(gapStart.getTime() - 1000), GAZA);
  // The last second before the gap is hh:59:59; the next local hour never happened that day.
  const skipped = { ...before, hour: before.hour + 1, minute: 30, second: 0 };
  const resolved = zonedTimeToInstant(skipped, GAZA);
  assert.equal(
    resolved.getTime() - gapStart.getTime(),
    30 * 60_000,
    'half an hour into the gap is half an hour after it',
  );
});

test('resolving rules: none, absolute, relative with and without its anchor', () => {
  assert.equal(resolveDeadline({ kind: 'none' }, ceasefire, GAZA), null);
  const at = new Date('2025-11-01T00:00:00Z');
  assert.equal(resolveDeadline({ kind: 'absolute', at }, null, GAZA), at);
  assert.equal(
    resolveDeadline({ kind: 'relative', amount: 72, unit: 'hours' }, null, GAZA),
    null,
    'unknown until the anchor happens',
  );
  assert.equal(
    resolveDeadline({ kind: 'relative', amount: 3, unit: 'days' }, ceasefire, GAZA)?.toISOString(),
    '2025-10-13T09:00:00.000Z',
  );
  assert.equal(secondsUntil(new Date('2025-10-13T09:00:00Z'), new Date('2025-10-13T08:59:00.500Z')), 59);
  assert.equal(secondsUntil(new Date('2025-10-13T09:00:00Z'), new Date('2025-10-13T09:01:00Z')), -60);
});
