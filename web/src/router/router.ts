/**
 * @module Client-side routing on real paths (the server answers every non-API GET with
 * index.html). The current path is a store like any other.
 */
import { createStore, useStore } from '../store/createStore.ts';

/** `path` is the pathname (it picks the page); `search` the query string, e.g. "?id=…" (state within a page). */
export const locationStore = createStore<{ path: string; search: string }>({
  path: window.location.pathname,
  search: window.location.search,
});

window.addEventListener('popstate', () =>
  locationStore.set({ path: window.location.pathname, search: window.location.search }),
);

/** Goes to `to` (a path, optionally with a query string) without reloading. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  if (url.pathname === window.location.pathname && url.search === window.location.search) return;
  const target = url.pathname + url.search;
  if (opts.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  locationStore.set({ path: url.pathname, search: url.search });
}

export function usePath(): string {
  return useStore(locationStore, (s) => s.path);
}

/** The query string's parameters (a new object when the query changes). */
export function useSearchParams(): URLSearchParams {
  const search = useStore(locationStore, (s) => s.search);
  return new URLSearchParams(search);
}
