/**
 * @module Server-Sent Events for open pages: which record changed (topic, id, time) and nothing
 * else. Pages refetch through the API, so they only ever see what their role may see. Events come
 * from deps.events (LISTEN/NOTIFY on PostgreSQL), so a page hears about writes taken by any app
 * server. A comment every 15 s keeps proxies from closing an idle stream.
 */
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../register.ts';
import type { ChangeEvent, Deps } from '../../services/deps.ts';
import { authorize, type Action } from '../../domain/policy.ts';
import { actorFromRequest } from '../http/authenticate.ts';

/** Keep-alive comment and re-check of the caller's session (TRUCE_SSE_HEARTBEAT_MS, shorter in tests). */
const heartbeatMs = () => Number(process.env.TRUCE_SSE_HEARTBEAT_MS ?? 15_000);

export interface EventStream {
  path: string;
  /** What the caller must be allowed to read to follow these changes. */
  action: Action;
  topics: readonly string[];
}

async function stillAllowed(deps: Deps, c: Context, action: Action): Promise<boolean> {
  try {
    authorize(await actorFromRequest(deps, c), action);
    return true;
  } catch {
    return false;
  }
}

export function mountEventStream(app: Hono<AppEnv>, deps: Deps, spec: EventStream): void {
  const topics = new Set(spec.topics);
  app.get(spec.path, async (c) => {
    authorize(await actorFromRequest(deps, c), spec.action);
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: ChangeEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.events.subscribe((e) => {
        if (!topics.has(e.topic)) return;
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
            const timer = setTimeout(resolve, heartbeatMs());
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
          if (queue.length === 0 && !gone && !stream.aborted) {
            // A signed-out, disabled or revoked account stops hearing even which records changed.
            if (!(await stillAllowed(deps, c, spec.action))) break;
            await stream.write(': keep-alive\n\n');
          }
        }
      } finally {
        unsubscribe();
        c.req.raw.signal.removeEventListener('abort', leave);
      }
    });
  });
}
