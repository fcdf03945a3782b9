/**
 * @module The situation report's day: a calendar day in the mission's time zone (Asia/Gaza,
 * whose offset changes twice a year), as the instants it starts and ends. Pure.
 */
import { parseLocal, wallTime } from './compliance/deadline.ts';

export interface DayWindow {
  date: string;
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/** The day `date` (YYYY-MM-DD) in `timeZone`: from local midnight to the next local midnight. */
export function dayWindow(date: string, timeZone: string): DayWindow {
  const from = parseLocal(`${date}T00:00`, timeZone);
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return { date, from, to: parseLocal(`${next}T00:00`, timeZone) };
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
