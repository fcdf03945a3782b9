/**
 * @module The shape of a route handler: it receives validated input and the caller, calls
 * services, and returns what a presenter made (a JSON shape, a CSV or other file body, or the
 * topics of an event stream). Authentication, the route's permission and parsing happen before.
 */
import type { z } from 'zod';
import type { RouteDef } from '../../contract/route.ts';
import type { RouteId, Routes } from '../../contract/routes.ts';
import type { logRoutes } from '../../contract/routes/log.ts';
import type { Actor } from '../../domain/policy.ts';
import type { Caller } from '../../services/sessions.ts';
import type { Deps } from '../../services/deps.ts';
import type { EventStreamBody, FileBody } from '../http/produced.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the pipeline hands every handler, whoever mounts it. */
export interface RouteInput<D extends RouteDef> {
  params: Out<NonNullable<D['params']>>;
  query: Out<NonNullable<D['query']>>;
  body: Out<NonNullable<D['body']>>;
  /** Set on every `account` route; undefined on public ones. */
  caller: Caller | undefined;
  ip: string;
  sessionToken: string | undefined;
  /** A cookie the request carried (the session cookie is in `sessionToken`). */
  cookie(name: string): string | undefined;
  setCookie(value: string): void;
  /** For a route whose answer depends on the outcome, e.g. 200 instead of 201 for an idempotent repeat. */
  setStatus(status: 200 | 201 | 204): void;
}

export interface HandlerContext<D extends RouteDef> extends RouteInput<D> {
  deps: Deps;
  secureCookies: boolean;
}

type Kind<D extends RouteDef> = NonNullable<D['produces']>['kind'];

/** JSON routes return the response schema's input; streams their topics; every other kind a file body. */
export type HandlerResult<D extends RouteDef> =
  Kind<D> extends 'json' ? z.input<NonNullable<D['response']>> : Kind<D> extends 'sse' ? EventStreamBody : FileBody;

export type Handler<D extends RouteDef> = (ctx: HandlerContext<D>) => Promise<HandlerResult<D>>;

/** The log's routes are served by the process that holds the log's key (see api/log-routes.ts). */
export type LogRouteId = keyof typeof logRoutes;

export type Handlers = { [K in Exclude<RouteId, LogRouteId>]: Handler<Routes[K]> };

/** The acting account of an authenticated route. */
export function actorOf(ctx: { caller: Caller | undefined }): Actor {
  if (!ctx.caller) throw new Error('handler of an account route called without a caller');
  return ctx.caller.actor;
}
