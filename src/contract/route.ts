/**
 * @module How an HTTP operation is declared once: path, schemas, success status. The server
 * validates with these, the OpenAPI document is generated from them, and the typed client
 * (web UI, CLI) derives its types from them.
 */
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** OpenAPI-style path, e.g. `/api/users/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no account; every other route needs a session or a bearer token. */
  auth: 'public' | 'account';
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status: 200 | 201 | 204;
}

/** Identity function that keeps the literal schema types of a route for inference. */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  def: RouteDef<P, Q, B, R>,
): RouteDef<P, Q, B, R> {
  return def;
}

type Input<S> = S extends z.ZodType ? z.input<S> : never;
type Output<S> = S extends z.ZodType ? z.output<S> : never;

/** What a caller passes for a route (only the parts the route declares). */
export type CallInput<D> = D extends RouteDef<infer P, infer Q, infer B, z.ZodType>
  ? (unknown extends Input<P> ? object : { params: Input<P> }) &
      (unknown extends Input<Q> ? object : { query: Input<Q> }) &
      (unknown extends Input<B> ? object : { body: Input<B> })
  : never;

export type CallOutput<D> = D extends RouteDef<z.ZodType, z.ZodType, z.ZodType, infer R> ? Output<R> : never;
