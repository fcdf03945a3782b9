/**
 * @module How `truce verify` reads incidents and reports through the API, as the account sees
 * them (with a token), and the published rulings anyone sees (without one).
 */
import type { RecordView } from '../records-check.ts';
import { ifAllowed, opened, type ApiRecords } from '../kinds/kind.ts';
import type { CallOutput } from '../../contract/route.ts';
import { ApiError } from '../../contract/client.ts';
import type { Routes } from '../../contract/routes.ts';
import { coarsePoint } from '../../domain/monitoring/precision.ts';
import { splitFacts, type StoredFacts } from '../../domain/monitoring/facts.ts';

type IncidentDetail = CallOutput<Routes['getIncident']>;
type ReportShown = IncidentDetail['reports'][number];

/**
 * An incident as the API shows this account, in the log's terms. The monitoring team is shown
 * the exact place and the assignee: those are checked against their commitments with the
 * openings the API gives the team, and the rounded point of the exact one must be the public
 * point. Everyone else is shown the stored rounded point, its sector and side, compared in clear.
 */
function incidentRecord(d: IncidentDetail): RecordView {
  const {
    location,
    sectorId,
    side,
    assigneeUserId,
    responsiblePartyId,
    openings,
    reports: _reports,
    history: _history,
    approvals: _approvals,
    ruling: _ruling,
    appeal: _appeal,
    abilities: _abilities,
    ...rest
  } = d;
  const [lon, lat] = location.coordinates;
  const common = { ...rest, responsibleOrgId: responsiblePartyId };
  if (openings === undefined) {
    return { kind: 'incident', id: d.id, version: d.version, fields: { ...common, lon, lat, sectorId, side } };
  }
  const [coarseLon, coarseLat] = coarsePoint(lon, lat);
  const restricted = { exactLon: lon, exactLat: lat, exactSectorId: sectorId, exactSide: side, assigneeUserId };
  return {
    kind: 'incident',
    id: d.id,
    version: d.version,
    fields: { ...common, lon: coarseLon, lat: coarseLat },
    ...opened(restricted, openings),
  };
}

/** An entry of an incident's history: what happened, when, by which organisation (the account is committed). */
function eventRecord(incidentId: string, e: IncidentDetail['history'][number]): RecordView {
  return {
    kind: 'incident_event',
    id: e.id,
    version: 1,
    fields: {
      incidentId,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      outcome: e.outcome,
      rationale: e.rationale,
      round: e.round,
      relatedIncidentId: e.relatedIncidentId,
      actorOrganisationId: e.actorOrganisationId,
      at: e.at,
    },
  };
}

/** The facts as shown, in the log's terms (domain/monitoring/facts.ts): null is "not shown". */
function shownFacts(f: ReportShown['facts']) {
  const { place, casualties, ...rest } = f;
  const present = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)) as StoredFacts;
  if (casualties) {
    const { source, ...counts } = casualties;
    present.casualties = source === null ? counts : { ...counts, source };
  }
  const split = splitFacts(present);
  return {
    place,
    public: Object.keys(split.public).length > 0 ? { facts: split.public } : {},
    restricted: split.restricted,
  };
}

/** A report likewise: the team checks its restricted fields by their openings, others the rounded point. */
function reportRecord(r: ReportShown): RecordView {
  const { location, evidence, sectorId, side, source, description, openings, facts, ...rest } = r;
  const [lon, lat] = location.coordinates;
  const shown = shownFacts(facts);
  const common = { ...rest, sourceKind: source.kind, sourceReliability: source.reliability, ...shown.public };
  if (openings === undefined) {
    // The place a coarsened reader is told is the logged public one (absent from older leaves).
    const placeId = shown.place?.id ?? null;
    return { kind: 'report', id: r.id, version: r.version, fields: { ...common, lon, lat, sectorId, side, placeId } };
  }
  const [coarseLon, coarseLat] = coarsePoint(lon, lat);
  const restricted = {
    sourceName: source.name,
    description,
    exactLon: lon,
    exactLat: lat,
    exactSectorId: sectorId,
    exactSide: side,
    evidence: evidence.map((e) => e.sha256),
    ...shown.restricted,
    ...(shown.place ? { exactPlaceId: shown.place.id } : {}),
  };
  return {
    kind: 'report',
    id: r.id,
    version: r.version,
    fields: { ...common, lon: coarseLon, lat: coarseLat },
    ...opened(restricted, openings),
  };
}

// Accounts that may not read incidents (403) are not checked; any other error fails verification.
export const monitoringApiRecords: ApiRecords[] = [
  // The mission's rules of decision, once set (version 0: the defaults, nothing on record).
  (client) =>
    ifAllowed(async () => {
      let r;
      try {
        r = await client.call('getMonitoringRules', {});
      } catch (err) {
        // No mission set up yet: there can be no rules record either (setting them needs one).
        if (err instanceof ApiError && err.status === 404) return [];
        throw err;
      }
      if (r.version === 0) return [];
      const { missionId, version, ...fields } = r;
      return [{ kind: 'monitoring_rules', id: missionId, version, fields }];
    }),
  (client) =>
    ifAllowed(async () => {
      const incidents = (await client.call('listIncidents', { query: { limit: 500 } })).items;
      const out: RecordView[] = [];
      for (const i of incidents) {
        const d = await client.call('getIncident', { params: { id: i.id } });
        out.push(incidentRecord(d));
        // Its history as shown (who acted, for which organisation: a joint ruling's approvals).
        for (const e of d.history) out.push(eventRecord(d.id, e));
        for (const r of d.reports) out.push(reportRecord(r));
      }
      return out;
    }),
];

/** What anyone sees without an account: published rulings, each against its incident's latest entry. */
export const monitoringPublicRecords: ApiRecords[] = [
  async (client) =>
    (await client.call('listPublishedRulings', {})).items.map((p) => ({
      kind: 'incident',
      id: p.id,
      version: p.version,
      fields: {
        title: p.title,
        outcome: p.outcome,
        provisionId: p.provisionId,
        responsibleOrgId: p.responsiblePartyId,
        eventType: p.eventType,
        subEventType: p.subEventType,
        lon: p.location.coordinates[0],
        lat: p.location.coordinates[1],
        sectorId: p.sectorId,
        updatedAt: p.publishedAt,
        // Listed here only because it is published: its latest entry must say so.
        status: 'published',
      },
      // The public sees the day only (UTC), of the logged time.
      reduced: [
        {
          field: 'occurredAt',
          shown: p.occurredOn,
          of: (logged) => (typeof logged === 'string' ? logged.slice(0, 10) : null),
        },
      ],
    })),
];
