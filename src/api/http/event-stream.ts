/**
 * @module Server-Sent Events for open pages: which record changed (topic, id, time) and nothing
 * else. Pages refetch through the API, so they only ever see what their role may see. Events come
 * from deps.events (LISTEN/NOTIFY on PostgreSQL), so a page hears about writes taken by any app
 * server.
 *
 * Two timers run whatever the traffic: a keep-alive comment when the stream has been quiet for a
 * heartbeat (so proxies keep it open), and a re-check of the caller's session and permission
 * (so a signed-out, disabled or revoked account stops hearing even which records changed, busy
 * stream or not). A refusal (401/403) ends the stream quietly; any other failure of the re-check
 * (the database is down) is logged and ends the stream with an `event: server-error`, never
 * mistaken for "signed out". An account holds at most `streamsPerAccount` streams at once.
 *
 * The pipeline (api/register.ts) has authenticated the caller and checked the route's permission
 * before; the route's handler only says which topics the stream follows.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../env.ts';
import type { ChangeEvent, Deps } from '../../services/deps.ts';
import { authorize, PolicyDenied, type Action, type Actor } from '../../domain/policy.ts';
import { ServiceError } from '../../services/errors.ts';
import { actorFromRequest } from './authenticate.ts';

/** Keep-alive after this much quiet (TRUCE_SSE_HEARTBEAT_MS, shorter in tests). */
const heartbeatMs = () => Number(process.env.TRUCE_SSE_HEARTBEAT_MS ?? 15_000);
/** Re-check of the caller this often, whatever the traffic (TRUCE_SSE_RECHECK_MS; the heartbeat's period by default). */
const recheckMs = () => Number(process.env.TRUCE_SSE_RECHECK_MS ?? heartbeatMs());

export interface EventStream {
  path: string;
  /** What the caller must be allowed to read to follow these changes (the route's permission). */
  action: Action;
  /** The caller, authenticated and allowed when the stream opens. */
  caller: Actor;
  topics: readonly string[];
}

const isRefusal = (err: unknown): boolean =>
  err instanceof PolicyDenied || (err instanceof ServiceError && (err.status === 401 || err.status === 403));

/** true: still allowed; false: refused (signed out, disabled, role changed). Other errors throw. */
async function stillAllowed(deps: Deps, c: Context, action: Action): Promise<boolean> {
  try {
    authorize(await actorFromRequest(deps, c), action);
    return true;
  } catch (err) {
    if (isRefusal(err)) return false;
    throw err;
  }
}

export function serveEventStream(c: Context<AppEnv>, deps: Deps, spec: EventStream): Response {
  const topics = new Set(spec.topics);
  const actor = spec.caller;
  const release = c.get('streams').acquire(actor.userId);
  if (!release) return c.get('streams').streamLimitResponse();
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no');
  return streamSSE(c, async (stream) => {
    const queue: ChangeEvent[] = [];
    let wake: (() => void) | undefined;
    let recheckDue = false;
    let gone = false;
    const unsubscribe = deps.events.subscribe((e) => {
      if (!topics.has(e.topic)) return;
      queue.push(e);
      wake?.();
    });
    const recheck = setInterval(() => {
      recheckDue = true;
      wake?.();
    }, recheckMs());
    const leave = () => {
      gone = true;
      wake?.();
    };
    stream.onAbort(leave);
    // The node adapter aborts the request's signal as soon as the client disconnects.
    c.req.raw.signal.addEventListener('abort', leave);
    // The heartbeat counts from the last write, not from the last wake (re-checks wake the loop too).
    let lastWrite = Date.now();
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ at: deps.clock.now().toISOString() }) });
      while (!gone && !stream.aborted && !stream.closed) {
        if (recheckDue) {
          recheckDue = false;
          let allowed: boolean;
          try {
            allowed = await stillAllowed(deps, c, spec.action);
          } catch (err) {
            deps.logger.error(
              { err, path: spec.path, userId: actor.userId },
              'live stream: could not re-check the caller; ending the stream',
            );
            await stream.writeSSE({
              event: 'server-error',
              data: JSON.stringify({ detail: 'the server could not re-check your access; reconnect later' }),
            });
            break;
          }
          if (!allowed) break;
        }
        const next = queue.shift();
        if (next) {
          await stream.writeSSE({ event: next.topic, id: `${next.at}/${next.id}`, data: JSON.stringify(next) });
          lastWrite = Date.now();
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, lastWrite + heartbeatMs() - Date.now()));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (!gone && !stream.aborted && queue.length === 0 && Date.now() - lastWrite >= heartbeatMs()) {
          await stream.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
      }
    } finally {
      clearInterval(recheck);
      unsubscribe();
      release();
      c.req.raw.signal.removeEventListener('abort', leave);
    }
  });
}
