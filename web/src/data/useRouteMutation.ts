/**
 * @module How a screen writes: a mutation of one API route that, once the server accepted it,
 * invalidates the routes whose answers it changed (and waits for the ones on screen to reload,
 * so the caller sees fresh data when the promise settles).
 */
import { useMutation } from '@tanstack/react-query';
import type { RouteId, Routes } from '../../../src/contract/routes.ts';
import type { CallInput, CallOutput } from '../../../src/contract/route.ts';
import { api } from '../store/api.ts';
import { invalidateRoutes } from './queryClient.ts';

export function useRouteMutation<K extends RouteId>(id: K, invalidates: readonly RouteId[], mutationKey: readonly string[] = [id]) {
  return useMutation<CallOutput<Routes[K]>, Error, CallInput<Routes[K]>>({
    mutationKey,
    mutationFn: (input) => api.call(id, input),
    onSuccess: () => invalidateRoutes(invalidates),
  });
}
