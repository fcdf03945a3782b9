/**
 * @module The one HTTP pipeline: every route of the table (JSON, CSV, files, uploads, imports,
 * event streams, the log's C2SP endpoints) goes through the same steps, in this order:
 *
 * 1. authenticate (and check CSRF for cookie sessions) and the route's declared permission,
 *    BEFORE reading anything the caller sent, so an anonymous caller learns nothing of a route's
 *    schema (401, not a 400 listing the fields) and a refused upload is never buffered;
 * 2. parse and validate params, query and body against the route's schemas (what it consumes:
 *    JSON, or a file of a declared media type and size), with the same problem documents;
 * 3. run the handler and send what the route produces: JSON shaped by the response schema
 *    (which drops any field the contract does not declare), a file body, or an event stream.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { routes, type RouteId } from '../contract/routes.ts';
import type { Consumes, RouteDef } from '../contract/route.ts';
import { logRoutes } from '../contract/routes/log.ts';
import { illFormedStrings } from '../contract/common.ts';
import { authorize, isAction, type Action } from '../domain/policy.ts';
import { invalid, ServiceError } from '../services/errors.ts';
import type { Deps } from '../services/deps.ts';
import type { Caller } from '../services/sessions.ts';
import { readRequestBody } from './http/body.ts';
import { readCookie, SESSION_COOKIE } from './http/cookies.ts';
import { authenticate } from './http/authenticate.ts';
import { fieldErrors } from './http/problem.ts';
import type { AppEnv } from './env.ts';
import { fileResponse, type EventStreamBody, type FileBody } from './http/produced.ts';
import { serveEventStream } from './http/event-stream.ts';
import { handlers } from '../capabilities/index.ts';
import type { HandlerContext, LogRouteId, RouteInput } from './handlers/types.ts';

export type { AppEnv } from './env.ts';

/** A route's declared permission, checked against the policy's actions when the route is mounted. */
function permissionOf(def: RouteDef): Action | undefined {
  if (def.permission === undefined) return undefined;
  if (!isAction(def.permission)) throw new Error(`${def.path} declares an unknown permission ${def.permission}`);
  return def.permission;
}

function parseOrThrow<S extends z.ZodType>(
  where: string,
  schema: S,
  value: unknown,
  wellFormedChecked = false,
): z.output<S> {
  // Before the schema: a lone surrogate is refused in every string, declared with `Text` or not
  // (an uploaded file was decoded as strict UTF-8 or is bytes: nothing to look for).
  const illFormed = wellFormedChecked ? [] : illFormedStrings(value, where);
  if (illFormed.length > 0) throw invalid(illFormed);
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = fieldErrors(where, result.error);
    throw new ServiceError(400, 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  return result.data;
}

/** `/api/users/{id}` -> `/api/users/:id`; a rest parameter spans segments (`:path{.+}`). */
function honoPath(def: RouteDef): string {
  return def.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === def.restParam ? `:${name}{.+}` : `:${name}`));
}

const actorOfCaller = (caller: Caller) => caller.actor;

/** Runs a route's handler on what the pipeline read and checked. */
export type RouteRunner = (input: RouteInput<RouteDef>) => Promise<unknown>;

/** A deployment's own ceiling for an upload whose route names a setting (see `Upload.setting`). */
function uploadCeiling(consumes: Consumes, deps: Deps | undefined): number | undefined {
  if (consumes.kind === 'json' || !consumes.setting) return undefined;
  return deps?.importLimits?.maxBytes;
}

/**
 * Mounts one route. `deps` authenticates account routes and feeds event streams; a server part
 * that serves only public routes (the log's) may mount without it.
 */
export function mountRoute(app: Hono<AppEnv>, def: RouteDef, run: RouteRunner, deps?: Deps): void {
  const produces = def.produces ?? { kind: 'json' as const };
  if ((def.auth === 'account' || produces.kind === 'sse') && !deps)
    throw new Error(`${def.path} needs deps to be mounted`);
  const permission = permissionOf(def);
  app.on(def.method.toUpperCase(), honoPath(def), async (c: Context<AppEnv>) => {
    const sessionToken = readCookie(c.req.header('cookie'), SESSION_COOKIE);
    // Who (CSRF inside authenticate), whether they may, and only then what: 401/403 before any 400/413/415.
    const caller = def.auth === 'account' ? await authenticate(deps!, c, sessionToken) : undefined;
    if (permission && caller) authorize(actorOfCaller(caller), permission);
    const params = def.params ? parseOrThrow('params', def.params, c.req.param()) : undefined;
    const query = def.query ? parseOrThrow('query', def.query, c.req.query()) : undefined;
    const consumes = def.consumes ?? { kind: 'json' as const };
    const body = def.body
      ? parseOrThrow(
          'body',
          def.body,
          await readRequestBody(c.req.raw, consumes, uploadCeiling(consumes, deps)),
          consumes.kind !== 'json',
        )
      : undefined;
    const cookies: string[] = [];
    let status: 200 | 201 | 204 = def.status;
    const result = await run({
      params,
      query,
      body,
      caller,
      sessionToken,
      ip: c.get('ip'),
      cookie: (name) => readCookie(c.req.header('cookie'), name),
      setCookie: (v) => cookies.push(v),
      setStatus: (s) => {
        status = s;
      },
    });
    for (const cookie of cookies) c.header('set-cookie', cookie, { append: true });
    switch (produces.kind) {
      case 'json':
        c.header('cache-control', 'no-store');
        if (status === 204) return c.body(null, 204);
        return c.json(def.response!.parse(result), status);
      case 'sse':
        return serveEventStream(c, deps!, {
          path: def.path,
          action: permission!,
          caller: actorOfCaller(caller!),
          topics: (result as EventStreamBody).topics,
        });
      case 'csv':
      case 'ndjson':
      case 'text':
      case 'binary':
        return fileResponse(produces, result as FileBody, status);
    }
  });
}

/** Mounts every route of the contract except the log's (mounted by api/log-routes.ts with the log's key). */
export function mountRoutes(app: Hono<AppEnv>, deps: Deps, secureCookies: boolean): void {
  for (const [id, def] of Object.entries(routes) as [RouteId, RouteDef][]) {
    if (id in logRoutes) continue;
    const handler = handlers[id as Exclude<RouteId, LogRouteId>] as (ctx: HandlerContext<RouteDef>) => Promise<unknown>;
    mountRoute(app, def, (input) => handler({ ...input, deps, secureCookies }), deps);
  }
}
