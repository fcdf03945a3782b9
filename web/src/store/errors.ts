/**
 * @module What went wrong, in terms the UI can explain: every failure of an API call is turned
 * into one of these so each screen can show a translated, specific message.
 */
import { ApiError } from '../../../src/contract/client.ts';

export interface FieldError {
  path: string;
  message: string;
}

export type AppError =
  | { kind: 'network' }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' }
  | { kind: 'notFound' }
  | { kind: 'rateLimited' }
  | { kind: 'invalid'; fields: FieldError[] }
  | { kind: 'server'; status: number }
  | { kind: 'badResponse' }
  | { kind: 'unexpected'; status: number | null };

export function toAppError(err: unknown): AppError {
  if (err instanceof ApiError) {
    switch (err.status) {
      case 400:
      case 422:
        return { kind: 'invalid', fields: err.problem.errors ?? [] };
      case 401:
        return { kind: 'unauthorized' };
      case 403:
        return { kind: 'forbidden' };
      case 404:
        return { kind: 'notFound' };
      case 429:
        return { kind: 'rateLimited' };
      default:
        return err.status >= 500 ? { kind: 'server', status: err.status } : { kind: 'unexpected', status: err.status };
    }
  }
  // fetch rejects with a TypeError when the request never got an answer (offline, server down).
  if (err instanceof TypeError) return { kind: 'network' };
  // A 200 that is not JSON: typically the SPA fallback answering for an API the server lacks.
  if (err instanceof SyntaxError) return { kind: 'badResponse' };
  return { kind: 'unexpected', status: null };
}
