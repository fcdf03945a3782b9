/**
 * @module Errors a service may raise; the HTTP layer maps each to one status and a problem
 * document, the CLI to a message and an exit code.
 */
export type FieldError = { path: string; message: string };

export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    /** For 429: when to try again, sent as the Retry-After header. */
    readonly retryAfterSeconds?: number,
    /** When `errors` lists only the first ones (a bad bulk file): how many there were in all. */
    readonly errorCount?: number,
  ) {
    super(detail ?? title);
  }
}

export const unauthorized = (detail = 'sign in or send a bearer token') =>
  new ServiceError(401, 'Unauthorized', detail);
export const forbidden = (detail = 'your role does not allow this') => new ServiceError(403, 'Forbidden', detail);
export const notFound = (what: string) =>
  new ServiceError(404, 'Not Found', `${what} does not exist or is not visible to you`);
export const conflict = (detail: string) => new ServiceError(409, 'Conflict', detail);
export const invalid = (errors: FieldError[]) =>
  new ServiceError(400, 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
/** How many field errors one answer lists at most: a hostile 100,000-row file gets a small answer. */
export const MAX_LISTED_ERRORS = 100;

/** A 400 that names the first MAX_LISTED_ERRORS errors and counts them all (`errorCount`). */
export const invalidCapped = (errors: FieldError[]) => {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const more = errors.length > listed.length ? ` (the first ${listed.length} of ${errors.length} errors)` : '';
  return new ServiceError(
    400,
    'Invalid request',
    `${listed.map((e) => `${e.path}: ${e.message}`).join('; ')}${more}`,
    listed,
    undefined,
    errors.length,
  );
};
export const tooManyRequests = (detail: string, retryAfterSeconds?: number) =>
  new ServiceError(429, 'Too Many Requests', detail, undefined, retryAfterSeconds);
