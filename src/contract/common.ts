/**
 * @module Schemas used by many resources: ids, problems (RFC 9457), list envelopes.
 */
import { z } from 'zod';
import { EARLIEST_DATE, LATEST_DATE } from './enums.ts';

export const Uuid = z.uuid();
export const IdParams = z.strictObject({ id: Uuid });

/** RFC 9457 problem details, with `errors` naming each bad field of a 400. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** When `errors` lists only the first ones: how many there were in all. */
  errorCount: z.number().int().nonnegative().optional(),
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

/**
 * A lone UTF-16 surrogate (`"\ud800"` in JSON) is a string no UTF-8 encoder, canonicaliser or
 * database can hold faithfully. Code units, not code points: no `u` flag on purpose.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/**
 * Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO) make stored text display in another
 * order than it reads ("Trojan Source"), so a name or a description could show one thing and
 * record another. Isolates (U+2066-2069) and marks (LRM, RLM, ALM), which mixed Arabic, Hebrew
 * and Latin text legitimately needs, stay allowed.
 */
const BIDI_OVERRIDES = /[\u202a-\u202e]/;

export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);
export const NOT_WELL_FORMED = 'must be well-formed Unicode (no lone surrogate)';

/**
 * Every string anywhere in a decoded request (keys included) that is not well-formed Unicode,
 * as `{path, message}` under `where`. Runs before any schema, so a field declared as a plain
 * `z.string()` is covered as surely as one declared with `Text`. Iterative: a deeply nested
 * body cannot overflow the stack.
 */
export function illFormedStrings(value: unknown, where: string): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0 && found.length < 100) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isWellFormedText(v)) found.push({ path, message: NOT_WELL_FORMED });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${path}.${i}`]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const safeKey = isWellFormedText(k) ? k : k.replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd');
        if (safeKey !== k) found.push({ path: `${path}.${safeKey}`, message: `field name ${NOT_WELL_FORMED}` });
        stack.push([item, `${path}.${safeKey}`]);
      }
    }
  }
  return found;
}

/** A calendar day (YYYY-MM-DD) within the calendar the API accepts. */
export const IsoDate = z.iso
  .date()
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`);

const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

/** An instant with its UTC offset (ISO 8601), within the calendar the API accepts. */
export const Instant = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return t >= EARLIEST_MS && t <= LATEST_MS;
}, `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`);

/**
 * Free text fields: bounded, well-formed Unicode, no control characters other than newline and
 * tab, no bidi embeddings or overrides.
 */
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine(isWellFormedText, NOT_WELL_FORMED)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'must not contain control characters')
    .refine((s) => !BIDI_OVERRIDES.test(s), 'must not contain bidi embedding or override characters (U+202A-U+202E)');

export const Name = Text(200).trim().min(1);
