/**
 * @module Counts as the OSCE's daily reports gave them (issue 13): per sector and period, against
 * the previous period of the same length, three numbers never added together: events observed
 * (explosions and shots counted in reports), incidents, and ruled violations. Periods are whole
 * days of Asia/Gaza (the agreement's zone), computed with Intl through the compliance deadline
 * rules, so a day across the clock change (last Friday of October 2025) is 25 hours.
 *
 * - An incident is counted on the Asia/Gaza day it occurred (its earliest report), in its sector.
 * - Events observed are those of its reports; reports of one incident describe the same events,
 *   so the incident counts the largest figure any of its reports gives (merging two reports of
 *   the same 12 explosions leaves 12, not 24).
 * - A ruled violation is an incident ruled (or published) a violation, counted on the day it
 *   occurred; a "no violation" ruling counts as an incident only.
 */
import { wallTime, zonedTimeToInstant } from '../compliance/deadline.ts';

export const COUNT_ZONE = 'Asia/Gaza';

export interface Figures {
  eventsObserved: number;
  incidents: number;
  ruledViolations: number;
}

export interface CountedIncident {
  sectorId: string | null;
  occurredAt: Date;
  status: string;
  outcome: string | null;
  /** explosions + shots of each of its reports (absent figures are 0). */
  reportEvents: readonly number[];
}

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Asia/Gaza calendar day of an instant. */
export function zoneDay(instant: Date): string {
  const w = wallTime(instant, COUNT_ZONE);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant an Asia/Gaza day begins. */
export function dayStart(day: string): Date {
  const [year, month, d] = day.split('-').map(Number) as [number, number, number];
  return zonedTimeToInstant({ year, month, day: d, hour: 0, minute: 0, second: 0 }, COUNT_ZONE);
}

/** A calendar day moved by `n` days (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysIn(p: Period): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  return { from: addDays(p.from, -daysIn(p)), to: addDays(p.from, -1) };
}

/** [start, end) instants of a period's days in Asia/Gaza. */
export function periodBounds(p: Period): [Date, Date] {
  return [dayStart(p.from), dayStart(addDays(p.to, 1))];
}

const zero = (): Figures => ({ eventsObserved: 0, incidents: 0, ruledViolations: 0 });
const RULED = ['ruled', 'published'];

/** Figures per sector (key null: no sector) for one period. */
export function tallyPeriod(incidents: readonly CountedIncident[], p: Period): Map<string | null, Figures> {
  const out = new Map<string | null, Figures>();
  for (const i of incidents) {
    const day = zoneDay(i.occurredAt);
    if (day < p.from || day > p.to) continue;
    const f = out.get(i.sectorId) ?? zero();
    f.incidents += 1;
    f.eventsObserved += Math.max(0, ...i.reportEvents);
    if (i.outcome === 'violation' && RULED.includes(i.status)) f.ruledViolations += 1;
    out.set(i.sectorId, f);
  }
  return out;
}

export function sumFigures(all: Iterable<Figures>): Figures {
  const t = zero();
  for (const f of all) {
    t.eventsObserved += f.eventsObserved;
    t.incidents += f.incidents;
    t.ruledViolations += f.ruledViolations;
  }
  return t;
}
