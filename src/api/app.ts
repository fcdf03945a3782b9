/**
 * @module The HTTP application: health, the API (from the route table), its OpenAPI document
 * and docs, and the web UI. Errors become RFC 9457 problems; nothing else leaks.
 */
import { health } from '../services/health.ts';
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Deps } from '../services/deps.ts';
import { ServiceError } from '../services/errors.ts';
import { PolicyDenied } from '../domain/policy.ts';
import { mountRoutes, type AppEnv } from './register.ts';
import { buildOpenApi } from './openapi.ts';
import { DOCS_HTML, DOCS_JS } from './docs.ts';
import { problemResponse } from './http/problem.ts';
import { HttpProblem } from './http/problem-error.ts';
import { clientAddress, type TrustProxy } from './http/client-address.ts';
import { anonymousRateLimit, DEFAULT_LIMITS, StreamCounter, type RequestLimits } from './http/rate-limit.ts';

export interface AppOptions {
  version: string;
  secureCookies: boolean;
  /** Which proxies' X-Forwarded-For decides the client address (default: none, the socket's peer). */
  trustProxy?: TrustProxy;
  /** Directory of the built web UI (dist/web); served at / with SPA fallback when present. */
  webDir: string;
  /** Extra routers mounted before the UI fallback (e.g. the transparency log's /log). */
  extra?: (app: Hono<AppEnv>) => void;
  /** Per-process request limits (TRUCE_ANON_RATE, TRUCE_ANON_BURST, TRUCE_SSE_MAX_PER_ACCOUNT). */
  limits?: RequestLimits;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'",
};

export function createApp(deps: Deps, opts: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const trustProxy = opts.trustProxy ?? { kind: 'none' };
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const streams = new StreamCounter(limits.streamsPerAccount);

  app.use('*', async (c, next) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    c.set('ip', clientAddress(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), trustProxy));
    c.set('streams', streams);
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(k)) c.header(k, v);
  });
  // The API only: the web UI's files and the log's immutable tiles are static and cacheable.
  app.use(
    '/api/*',
    anonymousRateLimit(limits, (c) => (c.get('ip') as string | undefined) ?? 'unknown'),
  );

  app.onError((err, c) => {
    if (err instanceof ServiceError)
      return problemResponse(err.status, err.title, err.message, err.errors, err.retryAfterSeconds, err.errorCount);
    if (err instanceof PolicyDenied) return problemResponse(403, 'Forbidden', err.message);
    if (err instanceof HttpProblem) return problemResponse(err.status, err.title, err.message);
    deps.logger.error({ err, path: c.req.path }, 'unhandled error');
    return problemResponse(500, 'Internal Server Error', 'the error was logged; nothing was changed');
  });

  app.get('/healthz', async (c) => c.json(await health(deps)));

  const openapi = buildOpenApi(opts.version);
  app.get('/api/openapi.json', (c) => c.json(openapi));
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs.js', (c) => c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));

  mountRoutes(app, deps, opts.secureCookies);
  opts.extra?.(app);
  app.all('/api/*', (c) => problemResponse(404, 'Not Found', `no API operation ${c.req.method} ${c.req.path}`));

  mountWebUi(app, opts.webDir);
  return app;
}

function mountWebUi(app: Hono<AppEnv>, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  const root = path.relative(process.cwd(), webDir) || '.';
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (!fs.existsSync(index)) {
      return c.text('The web UI is not built. Run `npm run build` (npm start does it for you).', 503);
    }
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
