/**
 * @module What of each monitoring record is public in the log, from its database row (the
 * services use these when appending a change, `truce audit` to compare rows with leaves).
 * A report's source name and free text may name people, and an exact point can identify a
 * witness's home: they are restricted (commitments only); the public log gets locations rounded
 * to 0.01 degree (about 1 km). Every record() of a report or incident passes both sets.
 */
import type { Selectable } from 'kysely';
import type { IncidentEventTable, IncidentTable, ReportTable } from '../../db/schema/monitoring.ts';
import type { JsonValue } from '../records.ts';
import { coarse } from '../../domain/monitoring/precision.ts';

type Fields = Record<string, JsonValue>;

const iso = (d: Date | string): string => new Date(d).toISOString();
const json = (v: unknown): JsonValue => (v === null || v === undefined ? null : (JSON.parse(typeof v === 'string' ? v : JSON.stringify(v)) as JsonValue));

export const monitoringPublicFields = {
  report: (r: Selectable<ReportTable>): Fields => ({
    clientId: r.client_id, incidentId: r.incident_id, sectorId: r.sector_id, side: r.side,
    occurredAt: iso(r.occurred_at), timePrecision: r.time_precision, lon: coarse(r.lon), lat: coarse(r.lat), geoPrecision: r.geo_precision,
    eventType: r.event_type, subEventType: r.sub_event_type, observations: json(r.observations),
    actor1: json(r.actor1), actor2: json(r.actor2), fatalities: json(r.fatalities), injuries: json(r.injuries),
    sourceKind: r.source_kind, sourceReliability: r.source_reliability, evidence: json(r.evidence),
    authorOrganisationId: r.author_org_id,
  }),
  incident: (i: Selectable<IncidentTable>): Fields => ({
    title: i.title, status: i.status, outcome: i.outcome, provisionId: i.provision_id, responsibleOrgId: i.responsible_org_id,
    eventType: i.event_type, subEventType: i.sub_event_type, occurredAt: iso(i.occurred_at), lon: coarse(i.lon), lat: coarse(i.lat),
    sectorId: i.sector_id, side: i.side, reportCount: i.report_count, assigneeUserId: i.assignee_user_id,
    mergedInto: i.merged_into, rulingRound: i.ruling_round,
  }),
  incidentEvent: (e: Selectable<IncidentEventTable>): Fields => ({
    incidentId: e.incident_id, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, outcome: e.outcome,
    rationale: e.rationale, round: e.round, relatedIncidentId: e.related_incident_id, detail: json(e.detail),
    actorUserId: e.actor_user_id, actorOrganisationId: e.actor_org_id, at: iso(e.at),
  }),
};

export const monitoringRestrictedFields = {
  report: (r: Selectable<ReportTable>): Fields => ({ sourceName: r.source_name, description: r.description, exactLon: r.lon, exactLat: r.lat }),
  /** An incident's point is its first report's exact point. */
  incident: (i: Selectable<IncidentTable>): Fields => ({ exactLon: i.lon, exactLat: i.lat }),
};
