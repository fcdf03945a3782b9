/**
 * @module Calendar days as integers (days since 1970-01-01, UTC), so plans and series do
 * arithmetic on whole days: a unit arriving and a withdrawal on the same day fall on one number.
 */
const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' -> day number. */
export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

/** Day number -> 'YYYY-MM-DD'. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar day of an instant. */
export function dayOfInstant(at: Date): number {
  return Math.floor(at.getTime() / MS_PER_DAY);
}
