/**
 * @module `GET /api/compliance/events`: Server-Sent Events telling every open compliance page
 * that a provision changed (a delivery, a score, a dispute). Topic, id and time only: the page
 * refetches through the API, so it only ever sees what its role may see (never names it may not).
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../register.ts';
import type { ChangeEvent, Deps } from '../../../services/deps.ts';
import { authorize } from '../../../domain/policy.ts';
import { COMPLIANCE_TOPIC } from '../../../services/compliance/provisions.ts';
import { actorFrom } from './auth.ts';

const HEARTBEAT_MS = 15_000;

export function mountComplianceStream(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/compliance/events', async (c) => {
    authorize(await actorFrom(deps, c), 'provision.read');
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: ChangeEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.events.subscribe((e) => {
        if (e.topic !== COMPLIANCE_TOPIC) return;
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
