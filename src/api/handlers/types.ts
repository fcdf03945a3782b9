/**
 * @module The shape of a route handler: it receives validated input and the caller, calls one
 * service, and returns what the presenter made. Validation and authentication happen before.
 */
import type { z } from 'zod';
import type { RouteDef } from '../../contract/route.ts';
import type { RouteId, Routes } from '../../contract/routes.ts';
import type { Actor } from '../../domain/policy.ts';
import type { Caller } from '../../services/sessions.ts';
import type { Deps } from '../../services/deps.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<D extends RouteDef> {
  deps: Deps;
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
  secureCookies: boolean;
}

export type Handler<D extends RouteDef> = (ctx: HandlerContext<D>) => Promise<z.input<D['response']>>;

export type Handlers = { [K in RouteId]: Handler<Routes[K]> };

/** The acting account of an authenticated route. */
export function actorOf(ctx: { caller: Caller | undefined }): Actor {
  const p = ctx.caller?.principal;
  if (!p) throw new Error('handler of an account route called without a caller');
  return { userId: p.id, organisationId: p.organisation_id, role: p.role };
}
