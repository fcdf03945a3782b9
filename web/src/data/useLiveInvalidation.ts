/**
 * @module The one EventSource of the UI. A page names the server's event stream and, for each
 * topic, the routes whose answers that topic makes stale; events carry only ids, so the UI never
 * trusts their content: it invalidates, and the queries on screen refetch with the viewer's
 * rights. Bursts are coalesced. When the stream ends (server restart, `server-error`, a proxy
 * closing it) it reconnects with a growing delay, and on every reconnection invalidates all
 * its routes, since events may have been missed meanwhile. It closes on unmount and on every
 * session change (the account is part of its effect's dependencies).
 */
import { useEffect, useState } from 'react';
import type { RouteId, Topic } from '../../../src/contract/routes.ts';
import { useSession } from '../store/hooks.ts';
import { invalidateRoutes } from './queryClient.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';

/** Topic -> the routes it makes stale. */
/** For each topic (those the event-stream routes declare), the routes whose answers it makes stale. */
export type TopicRoutes = Readonly<Partial<Record<Topic, readonly RouteId[]>>>;

const COALESCE_MS = 150;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Delay before reconnection attempt `n` (0-based): doubling from 1 s, capped at 30 s. */
export function backoffDelay(n: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** n);
}

export function useLiveInvalidation(streamPath: string, topics: TopicRoutes): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const userId = useSession((s) => (s.auth.status === 'signedIn' ? s.auth.session.user.id : null));
  // The topics table is usually a module constant; its content, not its identity, is the dependency.
  const table = JSON.stringify(topics);

  useEffect(() => {
    if (userId === null || typeof EventSource === 'undefined') return undefined;
    const byTopic = JSON.parse(table) as Record<string, RouteId[]>;
    const everything = [...new Set(Object.values(byTopic).flat())];
    let source: EventSource | undefined;
    let stopped = false;
    let attempt = 0;
    let heardBefore = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    const pending = new Set<RouteId>();

    const invalidateSoon = (ids: readonly RouteId[]) => {
      for (const id of ids) pending.add(id);
      if (flush) return;
      flush = setTimeout(() => {
        flush = undefined;
        const batch = [...pending];
        pending.clear();
        void invalidateRoutes(batch);
      }, COALESCE_MS);
    };

    const reconnect = () => {
      source?.close();
      source = undefined;
      if (stopped) return;
      setStatus('closed');
      retry = setTimeout(connect, backoffDelay(attempt));
      attempt += 1;
    };

    function connect(): void {
      if (stopped) return;
      setStatus('connecting');
      const es = new EventSource(streamPath);
      source = es;
      es.addEventListener('ready', () => {
        attempt = 0;
        setStatus('open');
        // On a reconnection: whatever changed while we were not listening.
        if (heardBefore) invalidateSoon(everything);
        heardBefore = true;
      });
      for (const [topic, ids] of Object.entries(byTopic)) es.addEventListener(topic, () => invalidateSoon(ids));
      es.addEventListener('server-error', reconnect);
      // The browser retries a dropped connection itself (CONNECTING); a refused one is CLOSED.
      es.onerror = () => {
        if (es.readyState === EventSource.CLOSED) reconnect();
        else setStatus('connecting');
      };
    }

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(flush);
      source?.close();
    };
  }, [streamPath, table, userId]);

  return status;
}
