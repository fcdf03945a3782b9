/** @module Every audited record kind, from every capability. */
import { foundationApiRecords, foundationKinds } from './foundation.ts';
import { geoApiRecords, geoKinds } from './geo.ts';
import { monitoringApiRecords, monitoringKinds, monitoringPublicRecords } from './monitoring.ts';
import { forceApiRecords, forceKinds } from './force.ts';
import { complianceApiRecords, complianceKinds } from './compliance.ts';
import { consentApiRecords, consentKinds } from '../../capabilities/consent/log/kinds.ts';
import type { ApiRecords, AuditedKind } from './kind.ts';

export const AUDITED_KINDS: readonly AuditedKind[] = [
  ...foundationKinds,
  ...geoKinds,
  ...monitoringKinds,
  ...forceKinds,
  ...complianceKinds,
  ...consentKinds,
];
export const API_RECORDS: readonly ApiRecords[] = [
  ...foundationApiRecords,
  ...geoApiRecords,
  ...monitoringApiRecords,
  ...forceApiRecords,
  ...complianceApiRecords,
  ...consentApiRecords,
];
/** What `truce verify` checks without an account: the public views. */
export const PUBLIC_API_RECORDS: readonly ApiRecords[] = [...monitoringPublicRecords];
export type { ApiRecords, AuditedKind } from './kind.ts';
