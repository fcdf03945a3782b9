/**
 * @module `POST /api/reports/import`: a CSV (ACLED columns) or GeoJSON file as the request body,
 * imported all or nothing without stalling other users (see services/monitoring/import.ts). The pipeline has checked the
 * permission, the media type, the size and the UTF-8 before; 400 names the first 100 bad rows by their line, with the total (`errorCount`);
 * 201 says how many reports were created and how many were already known.
 */
import { actorOf, type Handlers } from './types.ts';
import { importReports } from '../../services/monitoring/import.ts';
import type { ImportFormat } from '../../services/monitoring/import-parse.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../services/monitoring/import-limits.ts';

const FORMATS: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/geo+json': 'geojson',
  'application/json': 'geojson',
};

export const monitoringImportHandlers: Pick<Handlers, 'importReports'> = {
  async importReports(ctx) {
    const actor = actorOf(ctx);
    const format = FORMATS[ctx.body.mediaType]!;
    const content = ctx.body.text;
    const result = await importReports(
      ctx.deps,
      actor,
      content,
      format,
      undefined,
      ctx.deps.importLimits ?? DEFAULT_IMPORT_LIMITS,
    );
    return result;
  },
};
