/** @module Record kinds of sectors and control lines, as `truce audit` reads them from the database. */
import type { ApiRecords, AuditedKind } from './kind.ts';

export const geoKinds: AuditedKind[] = [];
export const geoApiRecords: ApiRecords[] = [];
