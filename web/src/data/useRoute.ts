/**
 * @module How a screen reads an API route: `useRoute('listIncidents', {query})` is a query keyed
 * by the route and its input (see queryClient.ts), returned as a `Remote` for RemoteView.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RouteId, Routes } from '../../../src/contract/routes.ts';
import type { CallInput, CallOutput } from '../../../src/contract/route.ts';
import { api } from '../store/api.ts';
import { routeKey } from './queryClient.ts';
import { toRemote, type Remote } from './remote.ts';

export interface RouteOptions<R, T> {
  /** Picks what the screen shows; keep it a module-level function so its result stays stable. */
  select?: (answer: R) => T;
  enabled?: boolean;
  /** While a new input loads, keep showing the previous input's answer (filters, periods). */
  keepPrevious?: boolean;
}

export function useRoute<K extends RouteId, T = CallOutput<Routes[K]>>(
  id: K,
  input: CallInput<Routes[K]>,
  opts: RouteOptions<CallOutput<Routes[K]>, T> = {},
): Remote<T> {
  const q = useQuery<CallOutput<Routes[K]>, Error, T>({
    queryKey: routeKey(id, input),
    queryFn: () => api.call(id, input),
    ...(opts.select ? { select: opts.select } : {}),
    ...(opts.enabled === undefined ? {} : { enabled: opts.enabled }),
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  return toRemote(q);
}
