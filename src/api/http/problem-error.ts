/**
 * @module A problem the HTTP layer answers itself with a status services never use (404 for a
 * tile that is not there yet, 503 before any witnessed checkpoint, 500 for storage that lost an
 * entry). app.ts turns it into an RFC 9457 document, like a ServiceError.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: 404 | 500 | 503,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}
