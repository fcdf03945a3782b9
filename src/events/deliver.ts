/** @module Handing one change to this process's subscribers. */
import type { Logger } from 'pino';
import type { ChangeEvent } from '../services/deps.ts';

/**
 * Every subscriber gets the event even if one throws (a closed stream must not stop the others,
 * nor turn a committed write into an error); each failure is logged.
 */
export function deliverTo(listeners: Iterable<(event: ChangeEvent) => void>, event: ChangeEvent, logger: Logger): void {
  for (const l of listeners) {
    try {
      l(event);
    } catch (err) {
      logger.error({ err, topic: event.topic, id: event.id }, 'live update not delivered to a subscriber');
    }
  }
}
