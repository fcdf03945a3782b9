/** @module The record of changes as accounts browse it (the log's own formats are under /log). */
import { z } from 'zod';

export const LogChange = z.object({
  /** Position in the transparency log; null for the moment between commit and sequencing. */
  logIndex: z.number().int().nullable(),
  kind: z.string(),
  id: z.string(),
  version: z.number().int(),
  op: z.string(),
  at: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  userId: z.string().nullable(),
});
export type LogChange = z.infer<typeof LogChange>;

export const LogChangesQuery = z.strictObject({
  kind: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'a record kind such as contribution')
    .optional(),
  id: z.string().min(1).max(100).optional(),
  /** Only entries before this log index (for paging back). */
  before: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LogChangesQuery = z.infer<typeof LogChangesQuery>;
