/**
 * @module How an HTTP operation is declared once: path, schemas, what it consumes and produces,
 * success status. The server authenticates, reads and validates with these (one pipeline for
 * JSON, files, exports and streams alike), the OpenAPI document is generated from them, and the
 * typed client (web UI, CLI) derives its types from them.
 */
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * What a route answers with. `json` is shaped by the route's `response` schema; every other kind
 * is a body the handler builds (a presenter's CSV, a file, a Markdown page) or an event stream.
 * Text kinds are sent with `; charset=utf-8`.
 */
export type Produces =
  | { kind: 'json' }
  | { kind: 'csv' }
  | { kind: 'ndjson' }
  /** An event stream: which topics of live change notifications it carries. */
  | { kind: 'sse'; topics: readonly string[] }
  /** Text that is not CSV: Markdown, a C2SP checkpoint, GeoJSON as a download. */
  | { kind: 'text'; mediaType: string }
  /** Bytes; `mediaType` is what the document announces (a handler may send a narrower type). */
  | { kind: 'binary'; mediaType: string };

/** The media type each kind announces (text kinds get `; charset=utf-8` on the wire). */
export function mediaTypeOf(p: Produces): string {
  switch (p.kind) {
    case 'json':
      return 'application/json';
    case 'csv':
      return 'text/csv';
    case 'ndjson':
      return 'application/x-ndjson';
    case 'sse':
      return 'text/event-stream';
    case 'text':
    case 'binary':
      return p.mediaType;
  }
}

/** A file sent as the raw request body: the media types accepted and the size ceiling. */
export interface Upload {
  /** `text`: decoded as strict UTF-8 (imports); `binary`: the bytes as sent (evidence). */
  kind: 'text' | 'binary';
  mediaTypes: readonly string[];
  maxBytes: number;
  /** The detail of the 415 for any other type. */
  unsupported: string;
  /** What is limited, for the 413's detail ("imports are limited to N bytes"). */
  noun: string;
  /** The setting that may change `maxBytes` for a deployment (its value reaches the pipeline through Deps). */
  setting?: 'TRUCE_IMPORT_MAX_BYTES';
}

/** What a route reads: a JSON body (its `body` schema) or an uploaded file. */
export type Consumes = { kind: 'json' } | Upload;

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  O extends Produces = Produces,
> {
  method: Method;
  /** OpenAPI-style path, e.g. `/api/users/{id}`. */
  path: string;
  /** A path parameter that spans segments (`/log/tile/{path}`): its name. */
  restParam?: string;
  summary: string;
  tag: string;
  /** `public` routes need no account; every other route needs a session or a bearer token. */
  auth: 'public' | 'account';
  /**
   * Checked right after authentication, before a byte of the body is read: an account that may
   * not upload must not make the server buffer a 20 MB file. Streams re-check it while open.
   * An action of src/domain/policy.ts (the contract depends on zod only: the HTTP layer refuses to
   * mount a route whose permission the policy does not know).
   */
  permission?: string;
  params?: P;
  query?: Q;
  /** For JSON, the body's schema; for an upload, the schema of `{ mediaType, text | bytes }`. */
  body?: B;
  /** Default: JSON when the route has a body. */
  consumes?: Consumes;
  /** Default: JSON. */
  produces?: O;
  /** The JSON answer's schema (JSON routes only). */
  response?: R;
  status: 200 | 201 | 204;
}

/** Identity function that keeps the literal schema types of a route for inference. */
export function route<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  O extends Produces = { kind: 'json' },
>(def: RouteDef<P, Q, B, R, O>): RouteDef<P, Q, B, R, O> {
  return def;
}

type Input<S> = S extends z.ZodType ? z.input<S> : never;
type Output<S> = S extends z.ZodType ? z.output<S> : never;

/** What a caller passes for a route (only the parts the route declares). */
export type CallInput<D> =
  D extends RouteDef<infer P, infer Q, infer B, z.ZodType, Produces>
    ? (unknown extends Input<P> ? object : { params: Input<P> }) &
        (unknown extends Input<Q> ? object : { query: Input<Q> }) &
        (unknown extends Input<B> ? object : { body: Input<B> })
    : never;

export type CallOutput<D> = D extends RouteDef<z.ZodType, z.ZodType, z.ZodType, infer R, Produces> ? Output<R> : never;
