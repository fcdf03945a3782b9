/** @module In-process live events: subscribers of this process only. */
import type { ChangeEvent, EventsPort } from '../services/deps.ts';

export function localEvents(): EventsPort {
  const listeners = new Set<(event: ChangeEvent) => void>();
  return {
    publish(event) {
      for (const l of listeners) l(event);
      return Promise.resolve();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
