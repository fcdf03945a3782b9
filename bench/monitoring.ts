/** @module The monitoring figures of `npm run bench`: report ingest through the API, readers during a bulk import, and the map's viewport query as incidents grow. */
import type { Bench } from './harness.ts';
import { benchReportIngest } from './monitoring/ingest.ts';
import { benchViewport } from './monitoring/viewport.ts';
import { benchImportReaders } from './monitoring/import.ts';

export const monitoringBenches: Bench[] = [benchReportIngest, benchImportReaders, benchViewport];
