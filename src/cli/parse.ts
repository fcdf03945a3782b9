/** @module Validates CLI input with the same schemas as the API, naming each bad option. */
import type { z } from 'zod';
import { invalid } from '../services/errors.ts';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(r.error.issues.map((i) => ({ path: i.path.join('.') || 'input', message: i.message })));
  return r.data;
}
