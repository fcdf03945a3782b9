/** @module Record kinds of force, as `truce audit` reads them from the database. */
import type { ApiRecords, AuditedKind } from './kind.ts';

export const forceKinds: AuditedKind[] = [];
export const forceApiRecords: ApiRecords[] = [];
