/**
 * @module RFC 9457 problem responses, and zod issues turned into `errors: [{path, message}]`.
 */
import type { z } from 'zod';
import type { FieldError } from '../../services/errors.ts';

export const PROBLEM_TYPE = 'application/problem+json';

export function problemResponse(
  status: number,
  title: string,
  detail?: string,
  errors?: FieldError[],
  retryAfterSeconds?: number,
  errorCount?: number,
): Response {
  const body = {
    type: 'about:blank',
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
    ...(errorCount !== undefined ? { errorCount } : {}),
  };
  const headers: Record<string, string> = { 'content-type': PROBLEM_TYPE };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return new Response(JSON.stringify(body), { status, headers });
}

/** One entry per bad field, path in dotted form relative to `where` (body, query, params). */
export function fieldErrors(where: string, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: `${base}.${k}`, message: 'unknown field' }));
    }
    return [{ path: base, message: issue.message }];
  });
}
