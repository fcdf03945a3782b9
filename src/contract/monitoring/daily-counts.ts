/**
 * @module Counts per sector and period against the previous period (issue 13), as the OSCE's
 * daily reports gave them: events observed, incidents and ruled violations, three numbers
 * never added together. Days are Asia/Gaza days.
 */
import { z } from 'zod';
import { IsoDate, Uuid } from '../common.ts';

export const MAX_COUNT_DAYS = 366;

export const DailyCountsQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_COUNT_DAYS * 86_400_000, {
    message: `at most ${MAX_COUNT_DAYS} days`,
    path: ['to'],
  });

export const Figures = z.object({
  /** Explosions and shots counted in reports (an incident counts its largest report's figure). */
  eventsObserved: z.number().int(),
  incidents: z.number().int(),
  /** Incidents ruled (or published) a violation, on the day they occurred. */
  ruledViolations: z.number().int(),
});

export const DailyCounts = z.object({
  timeZone: z.literal('Asia/Gaza'),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  sectors: z.array(
    z.object({ sectorId: Uuid.nullable(), sectorName: z.string().nullable(), current: Figures, previous: Figures }),
  ),
  total: z.object({ current: Figures, previous: Figures }),
});
export type DailyCounts = z.infer<typeof DailyCounts>;
