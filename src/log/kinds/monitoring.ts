/** @module Record kinds of monitoring, as `truce audit` reads them from the database. */
import type { ApiRecords, AuditedKind } from './kind.ts';

export const monitoringKinds: AuditedKind[] = [];
export const monitoringApiRecords: ApiRecords[] = [];
