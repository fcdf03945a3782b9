/** @module The monitoring routes of the API (see src/contract/routes.ts, which merges every module's table). */
import { route } from '../route.ts';
import { IdParams, listOf } from '../common.ts';
import {
  ApprovalRequest,
  AssignRequest,
  ClusterQuery,
  ClusterResult,
  CreateReport,
  Incident,
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

export const monitoringRoutes = {
  createReport: route({
    method: 'post', path: '/api/reports', tag: 'monitoring', auth: 'account', status: 201,
    summary: 'File a report (monitor). Idempotent by clientId: a repeat answers 200 with the first result (repeat: true) and creates nothing',
    body: CreateReport, response: ReportWritten,
  }),
  listIncidents: route({
    method: 'get', path: '/api/incidents', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'Incidents, newest first, filtered by status, outcome, ACLED event type, sector, party and time range (comma-separated lists)',
    query: IncidentListQuery, response: listOf(Incident),
  }),
  getIncident: route({
    method: 'get', path: '/api/incidents/{id}', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'An incident with its reports, its whole workflow history and the approvals of its proposed ruling',
    params: IdParams, response: IncidentDetail,
  }),
  transitionIncident: route({
    method: 'post', path: '/api/incidents/{id}/transitions', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'Move an incident along the workflow; a transition the table does not allow is a 409 that changes nothing',
    params: IdParams, body: TransitionRequest, response: IncidentWritten,
  }),
  reviewRuling: route({
    method: 'post', path: '/api/incidents/{id}/approvals', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'A monitor of a monitoring organisation approves or contests a proposed ruling; it becomes ruled once current monitors of approval_quorum (at least 2) distinct monitoring organisations approve',
    params: IdParams, body: ApprovalRequest, response: IncidentWritten,
  }),
  assignIncident: route({
    method: 'post', path: '/api/incidents/{id}/assignment', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'Set who works on an incident (coordinators; monitors for their own organisation), or nobody',
    params: IdParams, body: AssignRequest, response: IncidentWritten,
  }),
  mergeIncidents: route({
    method: 'post', path: '/api/incidents/{id}/merge', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'Fold other incidents (and their reports) into this one; both histories are kept',
    params: IdParams, body: MergeRequest, response: IncidentWritten,
  }),
  splitIncident: route({
    method: 'post', path: '/api/incidents/{id}/split', tag: 'monitoring', auth: 'account', status: 201,
    summary: 'Move some reports of this incident to a new incident; returns the new incident',
    params: IdParams, body: SplitRequest, response: IncidentWritten,
  }),
  incidentClusters: route({
    method: 'get', path: '/api/incident-clusters', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'Incidents in a viewport (bbox=west,south,east,north) aggregated on a zoom-dependent grid, with the list filters. Outside the monitoring team the box, the cells and the sector filter work on points coarsened to 0.01 degree and their sectors',
    query: ClusterQuery, response: ClusterResult,
  }),
  monitoringCounts: route({
    method: 'get', path: '/api/monitoring/counts', tag: 'monitoring', auth: 'account', status: 200,
    summary: 'Reports (allegations), incidents by status and ruled violations, never added together',
    response: MonitoringCounts,
  }),
  listPublishedRulings: route({
    method: 'get', path: '/api/public/rulings', tag: 'monitoring', auth: 'public', status: 200,
    summary: 'Published rulings for the public: no account needed; location coarsened to about 1 km (with the sector of the coarsened point), day only, no reports or sources',
    response: listOf(PublicRuling),
  }),
} as const;

