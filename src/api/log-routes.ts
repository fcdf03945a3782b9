/**
 * @module The handlers of the log's routes (contract/routes/log.ts): the C2SP endpoints under
 * /log and GET /api/log/proof. They are public and need the log's key, so the process that holds
 * it mounts them (server.ts through createApp's `extra`), through the same pipeline as every route.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { logRoutes } from '../contract/routes/log.ts';
import { parseTilePath, TILE_WIDTH, TlogError } from '../tlog/node.ts';
import { entryProof, headCache, publishedHead, readTile, type LogServing } from '../log/serving.ts';
import { HttpProblem } from './http/problem-error.ts';
import { mountRoute, type AppEnv } from './register.ts';
import type { HandlerResult, LogRouteId, RouteInput } from './handlers/types.ts';

export type { LogServing } from '../log/serving.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_WITNESSED = 'no checkpoint has been cosigned by the witness quorum yet';

type LogHandlers = {
  [K in LogRouteId]: (input: RouteInput<(typeof logRoutes)[K]>) => Promise<HandlerResult<(typeof logRoutes)[K]>>;
};

function logHandlers(db: Kysely<DB>, verifierKey: string, serving: LogServing): LogHandlers {
  const headFor = headCache(db, serving);
  return {
    async getLogCheckpoint() {
      const head = await publishedHead(db, serving);
      if (!head) throw new HttpProblem(503, 'Service Unavailable', NOT_WITNESSED);
      return { body: head.checkpoint, cacheControl: 'public, max-age=2' };
    },
    async getLogVkey() {
      return { body: `${verifierKey}\n` };
    },
    async getLogTile({ params }) {
      let path;
      try {
        path = parseTilePath(`tile/${params.path}`);
      } catch (err) {
        if (err instanceof TlogError) throw new HttpProblem(404, 'Not Found', err.message);
        throw err;
      }
      const data = await readTile(db, path);
      if (!data) throw new HttpProblem(404, 'Not Found', 'no such tile (yet)');
      return { body: data, cacheControl: path.width === TILE_WIDTH ? IMMUTABLE : 'public, max-age=2' };
    },
    async getLogProof({ query }) {
      const index = query.index;
      const head = await headFor(index);
      if (!head) throw new HttpProblem(503, 'Service Unavailable', NOT_WITNESSED);
      if (index >= head.size) throw new HttpProblem(404, 'Not Found', `the published log has ${head.size} entries`);
      const proved = await entryProof(db, index, head);
      if (!proved) throw new HttpProblem(500, 'Internal Server Error', 'entry missing from storage');
      return { index, size: head.size, ...proved };
    },
  };
}

export function mountLog(
  app: Hono<AppEnv>,
  db: Kysely<DB>,
  verifierKey: string,
  serving: LogServing = { witnessed: false },
): void {
  const handlers = logHandlers(db, verifierKey, serving);
  for (const id of Object.keys(logRoutes) as LogRouteId[]) {
    mountRoute(app, logRoutes[id], handlers[id]);
  }
}
