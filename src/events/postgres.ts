/**
 * @module Live events across every app server sharing one PostgreSQL database: LISTEN/NOTIFY
 * on one dedicated connection (a `pg.Client`, never a pooled one: LISTEN belongs to a session),
 * opened lazily on the first publish or subscribe and reopened after a failure. Subscribers of
 * this process get their own events at once; the copy NOTIFY echoes back is recognised by the
 * sender's backend pid and skipped. Events are hints to refresh, not data: a notification lost
 * while the connection is down costs a refresh, never a record.
 */
import type { Socket } from 'node:net';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ChangeEvent, EventsPort } from '../services/deps.ts';
import { deliverTo } from './deliver.ts';

export const EVENTS_CHANNEL = 'truce_events';

function parse(payload: string | undefined): ChangeEvent | undefined {
  if (!payload) return undefined;
  try {
    const v = JSON.parse(payload) as Partial<ChangeEvent>;
    return typeof v.topic === 'string' && typeof v.id === 'string' && typeof v.at === 'string'
      ? { topic: v.topic, id: v.id, at: v.at }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The connection keeps the process alive only while someone listens: a CLI command or a test
 * that merely published must still be able to exit.
 */
function holdProcess(client: pg.Client, hold: boolean): void {
  const socket = (client as unknown as { connection?: { stream?: Socket } }).connection?.stream;
  if (hold) socket?.ref();
  else socket?.unref();
}

export function postgresEvents(url: string, logger: Logger): EventsPort {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let connecting: Promise<pg.Client> | undefined;
  let ownPid: number | undefined;
  let closed = false;

  const deliver = (event: ChangeEvent) => deliverTo(listeners, event, logger);

  function connection(): Promise<pg.Client> {
    if (connecting) return connecting;
    const client = new pg.Client({ connectionString: url, application_name: 'truce-events' });
    const drop = () => {
      if (connecting !== attempt) return;
      connecting = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      // Subscribers are still waiting: listen again shortly (the database may be restarting).
      if (!closed && listeners.size > 0) setTimeout(() => void connection().catch(() => undefined), 1000).unref();
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL || msg.processId === ownPid) return;
      const event = parse(msg.payload);
      if (event) deliver(event);
    });
    const attempt = (async () => {
      await client.connect();
      const pid = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      ownPid = pid.rows[0]?.pid;
      await client.query(`listen ${EVENTS_CHANNEL}`);
      holdProcess(client, listeners.size > 0);
      return client;
    })();
    connecting = attempt;
    attempt.catch(drop);
    return attempt;
  }

  return {
    async publish(event) {
      deliver(event);
      if (closed) return;
      try {
        const client = await connection();
        await client.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify(event)]);
      } catch (err) {
        // Other servers miss this hint (their clients refresh on their own timer), and the operator hears of it.
        logger.error({ err, topic: event.topic, id: event.id }, 'live update not sent to the other app servers');
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!closed)
        void connection()
          .then((c) => holdProcess(c, listeners.size > 0))
          .catch(() => undefined);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) void connecting?.then((c) => holdProcess(c, false)).catch(() => undefined);
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      const c = connecting;
      connecting = undefined;
      if (c) await (await c.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}
