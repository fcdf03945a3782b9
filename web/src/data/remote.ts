/**
 * @module A loaded resource as the screens show it (see components/RemoteView.tsx), derived from a
 * query: data already shown stays on screen while it reloads or if a reload fails.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { toAppError, type AppError } from '../store/errors.ts';

export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading'; data?: T; loadedAt?: number }
  | { status: 'ready'; data: T; loadedAt: number }
  | { status: 'error'; error: AppError; data?: T; loadedAt?: number };

export function toRemote<T>(q: UseQueryResult<T>): Remote<T> {
  const kept = q.data === undefined ? {} : { data: q.data, loadedAt: q.dataUpdatedAt };
  if (q.isError) return { status: 'error', error: toAppError(q.error), ...kept };
  if (q.data !== undefined && !q.isFetching) return { status: 'ready', data: q.data, loadedAt: q.dataUpdatedAt };
  return { status: 'loading', ...kept };
}

/** Several remotes as one (a block needing all of them): ready when all are, failed when one is. */
export function allRemote<T extends object>(parts: { [K in keyof T]: Remote<T[K]> }): Remote<T> {
  const entries = Object.entries(parts) as [keyof T, Remote<unknown>][];
  const failed = entries.find(([, r]) => r.status === 'error');
  const data = {} as T;
  let loadedAt = Infinity;
  for (const [k, r] of entries) {
    if (r.status === 'idle' || r.data === undefined) {
      return failed && failed[1].status === 'error' ? { status: 'error', error: failed[1].error } : { status: 'loading' };
    }
    data[k] = r.data as T[keyof T];
    loadedAt = Math.min(loadedAt, r.loadedAt ?? 0);
  }
  if (failed && failed[1].status === 'error') return { status: 'error', error: failed[1].error, data, loadedAt };
  const loading = entries.some(([, r]) => r.status === 'loading');
  return loading ? { status: 'loading', data, loadedAt } : { status: 'ready', data, loadedAt };
}
