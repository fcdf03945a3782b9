/**
 * @module Record kinds of monitoring (reports, incidents, incident history): what the public log
 * gets of each, what it commits, and how `truce audit` reads them. A report's source name and
 * free text may name people, and an exact point can identify a witness's home: they are
 * restricted (commitments only); the public log gets locations rounded to 0.01 degree (about
 * 1 km) and the sector and side of that rounded point, never the exact ones (a cell straddling a
 * boundary would otherwise tell which side the event was on). Monitors' user ids (assignees,
 * actors of incident events) and evidence file hashes are restricted too: the public log must
 * tell no more than the public API. Every record() of these kinds passes both parts (`fields`).
 */
import type { Selectable } from 'kysely';
import type {
  IncidentEventTable,
  IncidentTable,
  MonitoringRulesTable,
  PlaceTable,
  ReportTable,
} from '../../db/schema/monitoring.ts';
import type { JsonValue } from '../change-payload.ts';
import { coarse } from '../../domain/monitoring/precision.ts';
import { splitFacts, type StoredFacts } from '../../domain/monitoring/facts.ts';
import { allRows } from '../../repositories/audit.ts';
import { defineRecordKind, type Fields } from './kind.ts';

const iso = (d: Date | string): string => new Date(d).toISOString();
const json = (v: unknown): JsonValue =>
  v === null || v === undefined ? null : (JSON.parse(typeof v === 'string' ? v : JSON.stringify(v)) as JsonValue);

export const reportKind = defineRecordKind({
  kind: 'report',
  public: (r: Selectable<ReportTable>) => ({
    clientId: r.client_id,
    incidentId: r.incident_id,
    sectorId: r.coarse_sector_id,
    side: r.coarse_side,
    occurredAt: iso(r.occurred_at),
    timePrecision: r.time_precision,
    lon: coarse(r.lon),
    lat: coarse(r.lat),
    geoPrecision: r.geo_precision,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    observations: json(r.observations),
    actor1: json(r.actor1),
    actor2: json(r.actor2),
    fatalities: json(r.fatalities),
    injuries: json(r.injuries),
    sourceKind: r.source_kind,
    sourceReliability: r.source_reliability,
    authorOrganisationId: r.author_org_id,
    // When it was filed, as the API shows it: logged so that a date edited in the database is caught.
    createdAt: iso(r.created_at),
    // Issue 13: present only when the report has them, so older leaves still match their rows.
    ...reportFacts(r).public,
  }),
  /** Evidence file hashes too: a party holding a candidate photo must not confirm it was filed. */
  restricted: (r) => ({
    sourceName: r.source_name,
    description: r.description,
    exactLon: r.lon,
    exactLat: r.lat,
    exactSectorId: r.sector_id,
    exactSide: r.side,
    evidence: json(r.evidence),
    ...reportFacts(r).restricted,
  }),
  audit: { rows: (db) => allRows(db, 'reports') },
});

/**
 * A report's facts in the log (domain/monitoring/facts.ts decides which are public): the public
 * ones as one `facts` field, the place coarsened audiences are told as `placeId`; the restricted
 * ones each committed, with the place the team is told as `exactPlaceId`.
 */
function reportFacts(r: Selectable<ReportTable>): { public: Fields; restricted: Fields } {
  const split = splitFacts((json(r.facts) ?? {}) as StoredFacts);
  return {
    public: {
      ...(Object.keys(split.public).length > 0 ? { facts: split.public } : {}),
      ...(r.coarse_place_id !== null ? { placeId: r.coarse_place_id } : {}),
    },
    restricted: { ...split.restricted, ...(r.place_id !== null ? { exactPlaceId: r.place_id } : {}) },
  };
}

export const incidentKind = defineRecordKind({
  kind: 'incident',
  public: (i: Selectable<IncidentTable>) => ({
    title: i.title,
    status: i.status,
    outcome: i.outcome,
    provisionId: i.provision_id,
    responsibleOrgId: i.responsible_org_id,
    eventType: i.event_type,
    subEventType: i.sub_event_type,
    occurredAt: iso(i.occurred_at),
    // The stored coarse point, the one every party and the public are shown and filtered on (it
    // equals the exact point rounded, which the commitments below cover): editing either is caught.
    lon: i.coarse_lon,
    lat: i.coarse_lat,
    sectorId: i.coarse_sector_id,
    side: i.coarse_side,
    reportCount: i.report_count,
    assigned: i.assignee_user_id !== null,
    mergedInto: i.merged_into,
    rulingRound: i.ruling_round,
    // Shown as the incident's last change and a ruling's publication date.
    updatedAt: iso(i.updated_at),
  }),
  /** An incident's point is its first report's exact point. */
  restricted: (i) => ({
    exactLon: i.lon,
    exactLat: i.lat,
    exactSectorId: i.sector_id,
    exactSide: i.side,
    assigneeUserId: i.assignee_user_id,
  }),
  audit: { rows: (db) => allRows(db, 'incidents') },
});

export const incidentEventKind = defineRecordKind({
  kind: 'incident_event',
  public: (e: Selectable<IncidentEventTable>) => ({
    incidentId: e.incident_id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    outcome: e.outcome,
    rationale: e.rationale,
    round: e.round,
    relatedIncidentId: e.related_incident_id,
    detail: splitDetail(e.detail).open,
    actorOrganisationId: e.actor_org_id,
    at: iso(e.at),
  }),
  /** Who acted and whom an assignment names: monitors must not be followable in the public log. */
  restricted: (e) => ({
    actorUserId: e.actor_user_id,
    ...splitDetail(e.detail).userIds,
  }),
  // History events are written once, never changed: always version 1.
  audit: { rows: (db) => allRows(db, 'incident_events'), version: () => 1 },
});

/** Who must decide what in a mission: public, since every party must know how it will be judged. */
export const monitoringRulesKind = defineRecordKind({
  kind: 'monitoring_rules',
  public: (r: Selectable<MonitoringRulesTable>) => ({
    rulingQuorum: r.ruling_quorum,
    appealQuorum: r.appeal_quorum,
    proposerCounts: r.proposer_counts,
    appealDays: r.appeal_days,
    updatedAt: iso(r.updated_at),
  }),
  audit: { rows: (db) => allRows(db, 'monitoring_rules') },
});

/**
 * Keys of an event's detail that are never public: user ids (e.g. an assignment's assignee), and
 * an appeal's new evidence (a party's statement may name witnesses; parties read it in the API).
 */
const USER_ID_KEY = /UserIds?$|^newEvidence$/;

function splitDetail(detail: unknown): { open: JsonValue; userIds: Fields } {
  const value = json(detail);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { open: value, userIds: {} };
  const open: Fields = {};
  const userIds: Fields = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue; // JSON has no undefined: a key without a value is not sent
    if (USER_ID_KEY.test(k)) userIds[`detail.${k}`] = v;
    else open[k] = v;
  }
  return { open, userIds };
}

/** A gazetteer entry: public geography, every field in clear. */
export const placeKind = defineRecordKind({
  kind: 'place',
  public: (p: Selectable<PlaceTable>) => ({
    names: json(p.names),
    alternates: json(p.alternates),
    lon: p.lon,
    lat: p.lat,
    sectorId: p.sector_id,
    radiusKm: p.radius_km,
    illustrative: p.illustrative,
    updatedAt: iso(p.updated_at),
  }),
  audit: { rows: (db) => allRows(db, 'places') },
});

export const monitoringKinds = [reportKind, incidentKind, incidentEventKind, monitoringRulesKind, placeKind] as const;
