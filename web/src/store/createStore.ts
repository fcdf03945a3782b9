/**
 * @module A tiny observable store. React binds to it with `useStore`; actions live beside each
 * store as plain functions so components never hold loading or session logic themselves.
 */
import { useSyncExternalStore } from 'react';

// Function-typed properties, not methods: `store.subscribe` is handed to React detached.
export interface Store<S> {
  get: () => S;
  set: (next: S | ((prev: S) => S)) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (prev: S) => S)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Subscribes a component to part of a store. The selector must return a value already held in
 * the state (not a new object), or React would re-render forever.
 */
export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
