/** @module The daily situation report: one day of the record, and the state at its end. */
import { z } from 'zod';
import { RELEASE_LEVELS } from './enums.ts';
import { IsoDate } from './common.ts';

export const SitrepQuery = z.strictObject({
  /** The day in Asia/Gaza time (YYYY-MM-DD); today when absent. */
  date: IsoDate.optional(),
});

const Count = z.number().int().nonnegative();

export const Sitrep = z.object({
  date: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  log: z.object({ entries: Count, changesThatDay: Count }),
  changes: z.array(z.object({ kind: z.string(), op: z.string(), count: Count })),
  monitoring: z.object({
    reportsFiled: Count,
    incidentChanges: Count,
    totals: z.object({ reports: Count, incidents: Count, ruledViolations: Count, publishedViolations: Count }),
  }),
  /** The widest releasability the caller reads: force figures and handover findings cover only records released to it. */
  releasedTo: z.enum(RELEASE_LEVELS),
  force: z.object({
    required: Count,
    deployed: Count,
    confirmed: Count,
    pledged: Count,
    gap: z.number().int(),
    byCapability: z.array(
      z.object({ capability: z.string(), required: Count, deployed: Count, gap: z.number().int() }),
    ),
  }),
  handover: z.array(z.object({ kind: z.string(), sectorName: z.string(), from: z.string(), to: z.string() })),
  compliance: z.object({
    byStatus: z.record(z.string(), Count),
    /** Provisions with an open dispute (each also counted under its derived status). */
    disputed: Count,
    late: z.array(
      z.object({
        title: z.string(),
        status: z.string(),
        deadline: z.string().nullable(),
        delivered: z.number(),
        dueNow: z.number().nullable(),
        /** Parties with an open dispute of it: shown beside the status, which the dispute does not change. */
        disputedBy: z.array(z.string()),
      }),
    ),
    dueWithinAWeek: z.array(z.object({ title: z.string(), deadline: z.string() })),
    deliveriesThatDay: Count,
  }),
  /** Decisions and meetings (issue 12) the caller reads, as they stood at the end of the day. */
  consent: z.object({
    adoptedThatDay: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), adoptedAt: z.string() })),
    blocked: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string() })),
    awaiting: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        title: z.string(),
        dueAt: z.string(),
        /** Names of the organisations whose answer is awaited. */
        awaiting: z.array(z.string()),
      }),
    ),
    lateActions: z.array(z.object({ title: z.string(), meeting: z.string(), owner: z.string(), dueOn: z.string() })),
  }),
});
export type Sitrep = z.infer<typeof Sitrep>;
