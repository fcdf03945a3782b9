/**
 * @module The one cache of everything the UI loaded from the API (TanStack Query). A query's key
 * is its route id and its input (`['listIncidents', {query: {...}}]`), so two screens asking the
 * same thing share one answer, and a slow answer to an older question lands on that older key,
 * never on the one the screen now shows. The cache belongs to one account: on every session
 * change (sign-in, sign-out, expiry) in-flight requests are cancelled (their answers dropped)
 * and every entry is removed, through the same `onAccountChange` every other store uses.
 */
import { QueryCache, QueryClient } from '@tanstack/react-query';
import type { RouteId, Routes } from '../../../src/contract/routes.ts';
import type { CallInput } from '../../../src/contract/route.ts';
import { onAccountChange } from '../store/accountScope.ts';
import { toAppError } from '../store/errors.ts';

// Set by the session module (it imports this one): a 401 on any query means the session ended.
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err) => {
      if (toAppError(err).kind === 'unauthorized') onUnauthorized();
    },
  }),
  defaultOptions: {
    queries: {
      // Live events and writes invalidate what changed; this only bounds how old a revisit may be.
      staleTime: 30_000,
      // A refusal (4xx) will not change by asking again; a dropped connection or a 5xx may.
      retry: (count, err) => {
        const kind = toAppError(err).kind;
        return count < 2 && (kind === 'network' || kind === 'server');
      },
    },
  },
});

onAccountChange(() => {
  void queryClient.cancelQueries();
  queryClient.clear();
});

/** The key of a route's answer for one input; a route id alone is the prefix of all its keys. */
export function routeKey<K extends RouteId>(id: K, input: CallInput<Routes[K]>): readonly [K, CallInput<Routes[K]>] {
  return [id, input] as const;
}

/** Marks every cached answer of these routes stale; the ones on screen are fetched again. */
export function invalidateRoutes(ids: readonly RouteId[]): Promise<void> {
  const set = new Set<unknown>(ids);
  return queryClient.invalidateQueries({ predicate: (q) => set.has(q.queryKey[0]) });
}

/** Asks again for every cached answer of these routes (a retry button, a refresh button). */
export function refetchRoutes(ids: readonly RouteId[]): Promise<void> {
  const set = new Set<unknown>(ids);
  return queryClient.refetchQueries({ predicate: (q) => set.has(q.queryKey[0]) });
}
