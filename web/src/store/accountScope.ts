/**
 * @module Everything the UI keeps about what an account may see is scoped to that account:
 * when the session changes (sign-in, sign-out, expiry) EVERY such store returns to its
 * initial state, and answers to requests made for the previous account are dropped. A store
 * joins by being created with `createAccountStore` (or, for module state that is not a store,
 * by `onAccountChange`), so a new store cannot forget to be reset by the session module. The
 * query cache (data/queryClient.ts) joins the same way: it cancels what is in flight and empties.
 */
import { createStore, type Store } from './createStore.ts';

const resets = new Set<() => void>();

/** A store holding account data: reset to `initial` whenever the session changes. */
export function createAccountStore<S>(initial: S): Store<S> {
  const store = createStore(initial);
  resets.add(() => store.set(initial));
  return store;
}

/** Other per-account module state (caches, choices): `reset` runs whenever the session changes. */
export function onAccountChange(reset: () => void): void {
  resets.add(reset);
}

/** Called by the session module on every session change. */
export function resetAccountStores(): void {
  for (const reset of resets) reset();
}
