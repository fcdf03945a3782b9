/**
 * @module Deadline arithmetic in a named time zone, with Intl only (no Temporal, no date
 * library). An agreement counts "72 hours" as elapsed time but "5 days" as calendar days at the
 * same local wall-clock time, which differ across a daylight-saving change (Asia/Gaza left
 * summer time on 25 October 2025, 02:00 -> 01:00).
 */

export type OffsetUnit = 'hours' | 'days';

/** A deadline as the agreement states it. */
export type DeadlineRule =
  { kind: 'none' } | { kind: 'absolute'; at: Date } | { kind: 'relative'; amount: number; unit: OffsetUnit };

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock fields of an instant in a zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Asia/Gaza summer: +3 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a local wall-clock time names in a zone. A time repeated by a backward change
 * resolves to its first (earlier) occurrence; a time skipped by a forward change resolves to
 * the instant one gap later (as `Temporal`'s "compatible" disambiguation does).
 */
export function zonedTimeToInstant(w: WallTime, timeZone: string): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const before = zoneOffsetMs(new Date(naive - 24 * HOUR_MS), timeZone);
  const after = zoneOffsetMs(new Date(naive + 24 * HOUR_MS), timeZone);
  // Try the larger offset first: in a repeated hour it gives the earlier instant.
  const candidates = [...new Set([Math.max(before, after), Math.min(before, after)])];
  for (const offset of candidates) {
    const instant = new Date(naive - offset);
    if (zoneOffsetMs(instant, timeZone) === offset) return instant;
  }
  // Skipped wall time: apply the offset in force before the gap.
  return new Date(naive - before);
}

/** Parses `YYYY-MM-DDTHH:mm[:ss]` as a wall-clock time in the zone. */
export function parseLocal(text: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`not a local date-time: ${text}`);
  const [, y, mo, d, h, mi, s] = m;
  return zonedTimeToInstant({ year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi!, second: +(s ?? 0) }, timeZone);
}

/**
 * `amount` hours (elapsed time) or `amount` calendar days (same local time, in `timeZone`)
 * after `start`.
 */
export function addOffset(start: Date, amount: number, unit: OffsetUnit, timeZone: string): Date {
  if (unit === 'hours') return new Date(start.getTime() + amount * HOUR_MS);
  const w = wallTime(start, timeZone);
  // Date.UTC normalises day overflow (31 Oct + 1 -> 1 Nov) without any zone involved.
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + amount));
  return zonedTimeToInstant(
    { ...w, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    timeZone,
  );
}

/**
 * The deadline instant of a rule, given the moment its anchor happened (null while the anchor
 * event has not happened, so the deadline is not yet known).
 */
export function resolveDeadline(rule: DeadlineRule, anchorAt: Date | null, timeZone: string): Date | null {
  switch (rule.kind) {
    case 'none':
      return null;
    case 'absolute':
      return rule.at;
    case 'relative':
      return anchorAt === null ? null : addOffset(anchorAt, rule.amount, rule.unit, timeZone);
  }
}

/** Whole seconds left until a deadline (negative once passed). */
export function secondsUntil(deadline: Date, now: Date): number {
  return Math.floor((deadline.getTime() - now.getTime()) / 1000);
}
