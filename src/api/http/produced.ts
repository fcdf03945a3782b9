/**
 * @module What a handler of a non-JSON route returns, and how the pipeline sends it: a body a
 * presenter built (CSV, Markdown, GeoJSON, a file's bytes) or the topics of an event stream.
 */
import { mediaTypeOf, type Produces } from '../../contract/route.ts';
import type { Topic } from '../../contract/routes.ts';

export interface FileBody {
  body: string | Uint8Array;
  /** Narrower than the route's declared type (an evidence file is sent with its own). */
  mediaType?: string;
  /** Sent as Content-Disposition with `disposition` (attachment unless said otherwise). */
  filename?: string;
  disposition?: 'attachment' | 'inline';
  /** `no-store` unless the bytes can be cached (immutable tiles, content-addressed files). */
  cacheControl?: string;
}

/** An event stream follows these topics of deps.events (see http/event-stream.ts). */
export interface EventStreamBody {
  topics: readonly Topic[];
}

const isText = (produces: Produces, mediaType: string): boolean =>
  produces.kind === 'csv' || produces.kind === 'ndjson' || (produces.kind === 'text' && mediaType.startsWith('text/'));

/** The response for a file body of a route that produces `produces`. */
export function fileResponse(produces: Produces, file: FileBody, status: number): Response {
  const mediaType = file.mediaType ?? mediaTypeOf(produces);
  const headers: Record<string, string> = {
    'content-type': isText(produces, mediaType) ? `${mediaType}; charset=utf-8` : mediaType,
    'cache-control': file.cacheControl ?? 'no-store',
  };
  if (file.filename !== undefined)
    headers['content-disposition'] = `${file.disposition ?? 'attachment'}; filename="${file.filename}"`;
  const body = typeof file.body === 'string' ? file.body : Buffer.from(file.body);
  return new Response(body, { status, headers });
}
