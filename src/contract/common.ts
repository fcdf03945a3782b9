/**
 * @module Schemas used by many resources: ids, problems (RFC 9457), list envelopes.
 */
import { z } from 'zod';

export const Uuid = z.uuid();
export const IdParams = z.strictObject({ id: Uuid });

/** RFC 9457 problem details, with `errors` naming each bad field of a 400. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Every write response names the transparency-log entry of the change (issue: verifiable record). */
export const LogIndex = z.number().int().nonnegative().nullable();

/**
 * Openings of a record's restricted fields, for readers allowed to see them: the salt (hex) of
 * each field's commitment in the public log, by the commitment's field name. With the value the
 * API shows, `truce verify` recomputes the commitment. Whoever holds an opening can prove a
 * (leaked) value authentic to anyone holding the log.
 */
export const Openings = z.record(z.string(), z.string().regex(/^[0-9a-f]{32}$/));

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Free text fields: trimmed, bounded, no control characters other than newline and tab. */
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters');

export const Name = Text(200).trim().min(1);
