/**
 * @module `POST /api/reports/import`: a CSV (ACLED columns) or GeoJSON file as the request
 * body, imported all or nothing without stalling other users (see services/monitoring/import.ts).
 * 400 names the first 100 bad rows by their line, with the total (`errorCount`); 201 says how
 * many reports were created and how many were already known.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../../register.ts';
import type { Deps } from '../../../services/deps.ts';
import { authorize } from '../../../domain/policy.ts';
import { ServiceError } from '../../../services/errors.ts';
import { importReports } from '../../../services/monitoring/import.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../services/monitoring/import-limits.ts';
import type { ImportFormat } from '../../../services/monitoring/import-parse.ts';
import { actorFromRequest } from '../../http/authenticate.ts';
import { readLimitedBody } from '../../http/body.ts';

const FORMATS: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/geo+json': 'geojson',
  'application/json': 'geojson',
};

const tooLarge = (max: number) => new ServiceError(413, 'Content Too Large', `imports are limited to ${max} bytes (TRUCE_IMPORT_MAX_BYTES)`);

export function mountImport(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/reports/import', async (c) => {
    const actor = await actorFromRequest(deps, c);
    // Refuse before reading a byte of the body: an account that may not file must not make us buffer 20 MB.
    authorize(actor, 'report.create');
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const format = FORMATS[type];
    if (!format) throw new ServiceError(415, 'Unsupported Media Type', 'send text/csv (ACLED columns) or application/geo+json');
    const limits = deps.importLimits ?? DEFAULT_IMPORT_LIMITS;
    const bytes = await readLimitedBody(c.req.raw, limits.maxBytes, tooLarge);
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ServiceError(400, 'Invalid request', 'the file is not valid UTF-8', [{ path: 'file', message: 'not valid UTF-8' }]);
    }
    const result = await importReports(deps, actor, content, format, undefined, limits);
    return c.json(result, 201);
  });
}
