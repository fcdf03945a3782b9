/** @module In-process live events: subscribers of this process only. */
import type { Logger } from 'pino';
import type { ChangeEvent, EventsPort } from '../services/deps.ts';
import { deliverTo } from './deliver.ts';

export function localEvents(logger: Logger): EventsPort {
  const listeners = new Set<(event: ChangeEvent) => void>();
  return {
    publish(event) {
      deliverTo(listeners, event, logger);
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
