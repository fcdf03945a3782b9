/**
 * @module `GET /api/monitoring/events`: Server-Sent Events telling every open map and list that
 * a report arrived or an incident changed (topic, id, time; no content: the page refetches
 * through the API, so it only ever sees what its role may see). A comment every 15 s keeps
 * proxies from closing an idle stream.
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../register.ts';
import type { ChangeEvent, Deps } from '../../../services/deps.ts';
import { authorize } from '../../../domain/policy.ts';
import { actorFromRequest } from './auth.ts';

const TOPICS = new Set(['report', 'incident']);
const HEARTBEAT_MS = 15_000;

export function mountMonitoringStream(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/monitoring/events', async (c) => {
    const actor = await actorFromRequest(deps, c);
    authorize(actor, 'incident.read');
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: ChangeEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.events.subscribe((e) => {
        if (!TOPICS.has(e.topic)) return;
        queue.push(e);
        wake?.();
      });
      let gone = false;
      const leave = () => {
        gone = true;
        unsubscribe();
        wake?.();
      };
      stream.onAbort(leave);
      // The node adapter aborts the request's signal as soon as the client disconnects.
      c.req.raw.signal.addEventListener('abort', leave);
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ at: deps.clock.now().toISOString() }) });
      try {
        while (!gone && !stream.aborted && !stream.closed) {
          const next = queue.shift();
          if (next) {
            await stream.writeSSE({ event: next.topic, id: `${next.at}/${next.id}`, data: JSON.stringify(next) });
            continue;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, HEARTBEAT_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
          if (queue.length === 0 && !gone && !stream.aborted) await stream.write(': keep-alive\n\n');
        }
      } finally {
        unsubscribe();
        c.req.raw.signal.removeEventListener('abort', leave);
      }
    });
  });
}
