/**
 * @module Client-side routing on real paths (the server answers every non-API GET with
 * index.html). The current path is a store like any other.
 */
import { createStore, useStore } from '../store/createStore.ts';

export const locationStore = createStore<{ path: string }>({ path: window.location.pathname });

window.addEventListener('popstate', () => locationStore.set({ path: window.location.pathname }));

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  locationStore.set({ path });
}

export function usePath(): string {
  return useStore(locationStore, (s) => s.path);
}
