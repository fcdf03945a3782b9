/**
 * The web data layer's pure parts: how a query becomes what a screen shows (data kept while it
 * reloads or after a failed reload), how several loads combine, and the reconnection delays of
 * the one live stream.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UseQueryResult } from '@tanstack/react-query';
import { allRemote, toRemote } from '../../web/src/data/remote.ts';
import { backoffDelay } from '../../web/src/data/useLiveInvalidation.ts';
import { ApiError } from '../../src/contract/client.ts';

const query = (q: Partial<UseQueryResult<number[]>>) =>
  ({ data: undefined, error: null, isError: false, isFetching: false, dataUpdatedAt: 0, ...q }) as UseQueryResult<
    number[]
  >;

test('a query as a screen shows it: loading, ready, reloading with its data, failed with or without data', () => {
  assert.deepEqual(toRemote(query({ isFetching: true })), { status: 'loading' });
  assert.deepEqual(toRemote(query({ data: [1], dataUpdatedAt: 5 })), { status: 'ready', data: [1], loadedAt: 5 });
  assert.deepEqual(toRemote(query({ data: [1], dataUpdatedAt: 5, isFetching: true })), {
    status: 'loading',
    data: [1],
    loadedAt: 5,
  });
  const forbidden = new ApiError(403, { type: 'about:blank', title: 'Forbidden', status: 403 });
  assert.deepEqual(toRemote(query({ isError: true, error: forbidden })), {
    status: 'error',
    error: { kind: 'forbidden' },
  });
  assert.deepEqual(toRemote(query({ isError: true, error: forbidden, data: [1], dataUpdatedAt: 5 })), {
    status: 'error',
    error: { kind: 'forbidden' },
    data: [1],
    loadedAt: 5,
  });
});

test('several loads as one block: ready when all are, loading while one is, failed when one failed', () => {
  const ready = (data: number, loadedAt: number) => ({ status: 'ready', data, loadedAt }) as const;
  assert.deepEqual(allRemote({ a: ready(1, 10), b: ready(2, 7) }), {
    status: 'ready',
    data: { a: 1, b: 2 },
    loadedAt: 7,
  });
  assert.deepEqual(allRemote({ a: ready(1, 10), b: { status: 'loading' } }), { status: 'loading' });
  assert.deepEqual(allRemote({ a: ready(1, 10), b: { status: 'loading', data: 2, loadedAt: 3 } }), {
    status: 'loading',
    data: { a: 1, b: 2 },
    loadedAt: 3,
  });
  assert.deepEqual(allRemote({ a: ready(1, 10), b: { status: 'error', error: { kind: 'network' } } }), {
    status: 'error',
    error: { kind: 'network' },
  });
});

test('the live stream reconnects after a doubling delay, from one second, never more than thirty', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 10].map(backoffDelay), [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});
