/**
 * @module React bindings of the stores: components read through these and call the actions of
 * the store modules; they never fetch themselves.
 */
import { useEffect } from 'react';
import { useStore } from './createStore.ts';
import { dataStore, ensure, type DataState, type ResourceKey } from './data.ts';
import { sessionStore, type SessionState } from './session.ts';

/** A resource, loaded on first use by any screen that shows it. */
export function useRemote<K extends ResourceKey>(key: K): DataState[K] {
  const remote = useStore(dataStore, (s) => s[key]);
  useEffect(() => ensure(key), [key, remote.status]);
  return remote;
}

export function useSession<T>(select: (s: SessionState) => T): T {
  return useStore(sessionStore, select);
}
