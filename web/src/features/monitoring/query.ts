/**
 * @module Which incident is open, kept in the query string (`/monitoring?incident=<id>`) so it
 * can be linked and survives a reload. The app's router only knows paths, so this page keeps
 * its own tiny view of the query.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

function current(): string | null {
  return new URLSearchParams(window.location.search).get('incident');
}

export function openIncident(id: string | null): void {
  const url = id ? `${window.location.pathname}?incident=${encodeURIComponent(id)}` : window.location.pathname;
  window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export function useOpenIncident(): string | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, current);
}
