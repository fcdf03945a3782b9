/**
 * @module The typed API client used by the web UI, the CLI and the tests. Types come from the
 * route table; errors surface as `ApiError` carrying the RFC 9457 problem.
 */
import { routes, type RouteId, type Routes } from './routes.ts';
import type { CallInput, CallOutput, Consumes } from './route.ts';
import type { Problem } from './common.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    const fields = problem.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
    super(`${problem.title}${problem.detail ? `: ${problem.detail}` : ''}${fields ? ` (${fields})` : ''}`);
  }
}

export interface ClientOptions {
  baseUrl: string;
  /** Bearer token for programs; the browser uses its session cookie instead. */
  token?: string;
  /** CSRF token of a cookie session, sent on every unsafe request. */
  csrfToken?: () => string | undefined;
  fetch?: typeof fetch;
}

function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params?.[key] ?? ''));
}

/**
 * A route that consumes a file takes `{ mediaType, text }` or `{ mediaType, bytes }` (what its
 * handler receives) and sends it as the raw request body with that media type.
 */
function uploadBody(
  consumes: Consumes | undefined,
  body: unknown,
): { mediaType: string; payload: string | Uint8Array<ArrayBuffer> } | undefined {
  if (!consumes || consumes.kind === 'json') return undefined;
  const b = body as { mediaType: string; text?: string; bytes?: Uint8Array };
  if (consumes.kind === 'text') return { mediaType: b.mediaType, payload: b.text ?? '' };
  // A copy into a plain ArrayBuffer: fetch's body type refuses views over shared memory.
  return { mediaType: b.mediaType, payload: new Uint8Array(b.bytes ?? new Uint8Array()) };
}

/** Creates a client; `call('listOrganisations', {})` returns the typed response body. */
export function createClient(opts: ClientOptions) {
  const doFetch = opts.fetch ?? fetch;
  return {
    async call<K extends RouteId>(id: K, input: CallInput<Routes[K]>): Promise<CallOutput<Routes[K]>> {
      const def = routes[id];
      const parts = input as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
      let url = opts.baseUrl.replace(/\/$/, '') + fillPath(def.path, parts.params);
      if (parts.query) {
        const qs = new URLSearchParams();
        for (const [k, v] of Object.entries(parts.query)) {
          if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') qs.set(k, String(v));
        }
        if ([...qs].length > 0) url += `?${qs.toString()}`;
      }
      const headers: Record<string, string> = { accept: 'application/json' };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const csrf = opts.csrfToken?.();
      if (csrf && def.method !== 'get') headers['x-csrf-token'] = csrf;
      let body: string | Uint8Array<ArrayBuffer> | undefined;
      if (parts.body !== undefined) {
        const upload = uploadBody(def.consumes, parts.body);
        headers['content-type'] = upload?.mediaType ?? 'application/json';
        body = upload ? upload.payload : JSON.stringify(parts.body);
      }
      const res = await doFetch(url, { method: def.method.toUpperCase(), headers, body, credentials: 'same-origin' });
      if (!res.ok) {
        const problem = (await res
          .json()
          .catch(() => ({ type: 'about:blank', title: res.statusText, status: res.status }))) as Problem;
        throw new ApiError(res.status, problem);
      }
      if (res.status === 204) return {} as CallOutput<Routes[K]>;
      return (await res.json()) as CallOutput<Routes[K]>;
    },
  };
}

export type ApiClient = ReturnType<typeof createClient>;
