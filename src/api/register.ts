/**
 * @module Mounts the route table on Hono: for each route, authenticate (and check CSRF for
 * cookie sessions) BEFORE reading anything the caller sent, so an anonymous caller learns
 * nothing of a route's schema (401, not a 400 listing the fields); then parse and validate
 * params, query and body against its schemas, run the handler, and shape the response through
 * the route's response schema (which drops any field the contract does not declare).
 */
import type { Hono } from 'hono';
import type { z } from 'zod';
import { routes, type RouteId } from '../contract/routes.ts';
import type { RouteDef } from '../contract/route.ts';
import { MAX_JSON_BODY_BYTES } from '../contract/enums.ts';
import { illFormedStrings } from '../contract/common.ts';
import { invalid, ServiceError } from '../services/errors.ts';
import type { Deps } from '../services/deps.ts';
import { readJsonBody } from './http/body.ts';
import { readCookie, SESSION_COOKIE } from './http/cookies.ts';
import { authenticate } from './http/authenticate.ts';
import { fieldErrors } from './http/problem.ts';
import type { StreamCounter } from './http/rate-limit.ts';
import { handlers } from './handlers/index.ts';
import type { HandlerContext } from './handlers/types.ts';

export interface AppEnv {
  /** ip: the client address; streams: open live event streams per account (this process). */
  Variables: { ip: string; streams: StreamCounter };
}

function parseOrThrow<S extends z.ZodType>(where: string, schema: S, value: unknown): z.output<S> {
  // Before the schema: a lone surrogate is refused in every string, declared with `Text` or not.
  const illFormed = illFormedStrings(value, where);
  if (illFormed.length > 0) throw invalid(illFormed);
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = fieldErrors(where, result.error);
    throw new ServiceError(400, 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  return result.data;
}

function mount(app: Hono<AppEnv>, deps: Deps, secureCookies: boolean, id: RouteId): void {
  const def = routes[id] as RouteDef;
  const honoPath = def.path.replace(/\{(\w+)\}/g, ':$1');
  const handler = handlers[id] as (ctx: HandlerContext<RouteDef>) => Promise<unknown>;
  app.on(def.method.toUpperCase(), honoPath, async (c) => {
    const sessionToken = readCookie(c.req.header('cookie'), SESSION_COOKIE);
    // Who, then (CSRF inside authenticate), and only then what: 401/403 before any 400/413/415.
    const caller = def.auth === 'account' ? await authenticate(deps, c, sessionToken) : undefined;
    const params = def.params ? parseOrThrow('params', def.params, c.req.param()) : undefined;
    const query = def.query ? parseOrThrow('query', def.query, c.req.query()) : undefined;
    const rawBody = def.body ? await readJsonBody(c.req.raw, MAX_JSON_BODY_BYTES) : undefined;
    const body = def.body ? parseOrThrow('body', def.body, rawBody) : undefined;
    const cookies: string[] = [];
    let status: 200 | 201 | 204 = def.status;
    const result = await handler({
      deps, params, query, body, caller, sessionToken, secureCookies,
      ip: c.get('ip'),
      cookie: (name) => readCookie(c.req.header('cookie'), name),
      setCookie: (v) => cookies.push(v),
      setStatus: (s) => {
        status = s;
      },
    });
    for (const cookie of cookies) c.header('set-cookie', cookie, { append: true });
    c.header('cache-control', 'no-store');
    if (status === 204) return c.body(null, 204);
    return c.json(def.response.parse(result), status);
  });
}

/** Mounts every route of the contract. */
export function mountRoutes(app: Hono<AppEnv>, deps: Deps, secureCookies: boolean): void {
  for (const id of Object.keys(routes) as RouteId[]) mount(app, deps, secureCookies, id);
}
