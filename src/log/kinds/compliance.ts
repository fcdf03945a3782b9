/** @module Record kinds of compliance, as `truce audit` reads them from the database. */
import type { ApiRecords, AuditedKind } from './kind.ts';

export const complianceKinds: AuditedKind[] = [];
export const complianceApiRecords: ApiRecords[] = [];
