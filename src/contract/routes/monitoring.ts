/** @module The monitoring routes of the API (see src/contract/routes.ts, which merges every module's table). */
import { route } from '../route.ts';
import { z } from 'zod';
import { IdParams, listOf } from '../common.ts';
import { BinaryUpload, TextUpload } from './uploads.ts';
import { monitoringRulingRoutes } from './monitoring-rulings.ts';
import { monitoringPlaceRoutes } from './monitoring-places.ts';
import { monitoringCountRoutes } from './monitoring-counts.ts';
import {
  ApprovalRequest,
  AssignRequest,
  ClusterQuery,
  ClusterResult,
  CreateReport,
  Incident,
  IncidentFilter,
  IncidentDetail,
  IncidentListQuery,
  IncidentWritten,
  MergeRequest,
  MonitoringCounts,
  PublicRuling,
  ReportWritten,
  SplitRequest,
  TransitionRequest,
} from '../monitoring.ts';

/** Evidence files: a few types whose first bytes the server checks, 10 MB each. */
export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Imports: CSV with ACLED columns, or GeoJSON (as application/geo+json or application/json). */
export const IMPORT_MEDIA_TYPES = ['text/csv', 'application/geo+json', 'application/json'] as const;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const EvidenceParams = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
});
export const EvidenceStored = z.object({ sha256: z.string(), mediaType: z.string(), size: z.number().int() });
/** The import's answer: how many reports were created and how many were already known. */
export const ImportResult = z.object({
  created: z.number().int(),
  repeats: z.number().int(),
  incidents: z.number().int(),
  logIndex: z.number().int().nullable(),
});

export const monitoringRoutes = {
  ...monitoringRulingRoutes,
  ...monitoringPlaceRoutes,
  ...monitoringCountRoutes,
  createReport: route({
    method: 'post',
    path: '/api/reports',
    tag: 'monitoring',
    auth: 'account',
    status: 201,
    summary:
      'File a report (monitor). Idempotent by clientId: a repeat answers 200 with the first result (repeat: true) and creates nothing',
    body: CreateReport,
    response: ReportWritten,
  }),
  listIncidents: route({
    method: 'get',
    path: '/api/incidents',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary:
      'Incidents, newest first, filtered by status, outcome, ACLED event type, sector, party and time range (comma-separated lists)',
    query: IncidentListQuery,
    response: listOf(Incident),
  }),
  getIncident: route({
    method: 'get',
    path: '/api/incidents/{id}',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'An incident with its reports, its whole workflow history and the approvals of its proposed ruling',
    params: IdParams,
    response: IncidentDetail,
  }),
  transitionIncident: route({
    method: 'post',
    path: '/api/incidents/{id}/transitions',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'Move an incident along the workflow; a transition the table does not allow is a 409 that changes nothing',
    params: IdParams,
    body: TransitionRequest,
    response: IncidentWritten,
  }),
  reviewRuling: route({
    method: 'post',
    path: '/api/incidents/{id}/approvals',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary:
      'A monitor of a monitoring organisation approves or contests a proposed ruling; it becomes ruled once current monitors of approval_quorum (at least 2) distinct monitoring organisations approve',
    params: IdParams,
    body: ApprovalRequest,
    response: IncidentWritten,
  }),
  assignIncident: route({
    method: 'post',
    path: '/api/incidents/{id}/assignment',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'Set who works on an incident (coordinators; monitors for their own organisation), or nobody',
    params: IdParams,
    body: AssignRequest,
    response: IncidentWritten,
  }),
  mergeIncidents: route({
    method: 'post',
    path: '/api/incidents/{id}/merge',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'Fold other incidents (and their reports) into this one; both histories are kept',
    params: IdParams,
    body: MergeRequest,
    response: IncidentWritten,
  }),
  splitIncident: route({
    method: 'post',
    path: '/api/incidents/{id}/split',
    tag: 'monitoring',
    auth: 'account',
    status: 201,
    summary: 'Move some reports of this incident to a new incident; returns the new incident',
    params: IdParams,
    body: SplitRequest,
    response: IncidentWritten,
  }),
  incidentClusters: route({
    method: 'get',
    path: '/api/incident-clusters',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary:
      'Incidents in a viewport (bbox=west,south,east,north) aggregated on a zoom-dependent grid, with the list filters. Outside the monitoring team the box, the cells and the sector filter work on points coarsened to 0.01 degree and their sectors',
    query: ClusterQuery,
    response: ClusterResult,
  }),
  monitoringCounts: route({
    method: 'get',
    path: '/api/monitoring/counts',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'Reports (allegations), incidents by status and ruled violations, never added together',
    response: MonitoringCounts,
  }),
  listPublishedRulings: route({
    method: 'get',
    path: '/api/public/rulings',
    tag: 'monitoring',
    auth: 'public',
    status: 200,
    summary:
      'Published rulings for the public: no account needed; location coarsened to about 1 km (with the sector of the coarsened point), day only, no reports or sources',
    response: listOf(PublicRuling),
  }),
  monitoringEvents: route({
    method: 'get',
    path: '/api/monitoring/events',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    permission: 'incident.read',
    summary: 'Server-Sent Events: a report arrived or an incident changed (topic, id, time; refetch to see it)',
    produces: { kind: 'sse', topics: ['report', 'incident'] as const },
  }),
  uploadEvidence: route({
    method: 'post',
    path: '/api/evidence',
    tag: 'monitoring',
    auth: 'account',
    status: 201,
    permission: 'report.create',
    summary: 'Upload an evidence file (JPEG, PNG, WebP, PDF; 10 MB); stored by its SHA-256, which reports cite',
    consumes: {
      kind: 'binary',
      mediaTypes: EVIDENCE_MEDIA_TYPES,
      maxBytes: MAX_EVIDENCE_BYTES,
      noun: 'evidence files',
      unsupported: `evidence must be one of ${EVIDENCE_MEDIA_TYPES.join(', ')}`,
    },
    body: BinaryUpload,
    response: EvidenceStored,
  }),
  getEvidence: route({
    method: 'get',
    path: '/api/evidence/{sha256}',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    permission: 'report.read',
    summary: 'An evidence file by its SHA-256',
    params: EvidenceParams,
    produces: { kind: 'binary', mediaType: 'application/octet-stream' },
  }),
  importReports: route({
    method: 'post',
    path: '/api/reports/import',
    tag: 'monitoring',
    auth: 'account',
    status: 201,
    permission: 'report.create',
    summary: 'Bulk import of reports: CSV with ACLED columns or GeoJSON; all or nothing, bad rows named by line',
    consumes: {
      kind: 'text',
      mediaTypes: IMPORT_MEDIA_TYPES,
      maxBytes: MAX_IMPORT_BYTES,
      noun: 'imports',
      setting: 'TRUCE_IMPORT_MAX_BYTES',
      unsupported: 'send text/csv (ACLED columns) or application/geo+json',
    },
    body: TextUpload,
    response: ImportResult,
  }),
  exportIncidentsCsv: route({
    method: 'get',
    path: '/api/exports/incidents.csv',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary:
      "Incidents as CSV with ACLED's column names and HXL tags (list filters apply; parties get points rounded to ~1 km)",
    query: IncidentFilter,
    produces: { kind: 'csv' },
  }),
  exportIncidentsGeoJson: route({
    method: 'get',
    path: '/api/exports/incidents.geojson',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'Incidents as GeoJSON (same filters and redaction as the CSV)',
    query: IncidentFilter,
    produces: { kind: 'text', mediaType: 'application/geo+json' },
  }),
} as const;
