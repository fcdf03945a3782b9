/**
 * @module Filing a report: validate what the schema cannot (time, ACLED pairing, mission area,
 * evidence present), assign the sector and the side of the current control line, then in one
 * transaction write the report and either join the incident it likely describes or open a new
 * one. The client's `clientId` makes it idempotent: a retry returns the first result.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { CreateReport } from '../../contract/monitoring.ts';
import type { DB } from '../../db/schema.ts';
import type { IncidentTable, ReportTable } from '../../db/schema/monitoring.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { checkReportRules } from '../../domain/monitoring/intake.ts';
import {
  DEFAULT_GROUPING,
  pickIncident,
  searchBox,
  type GroupingThresholds,
} from '../../domain/monitoring/grouping.ts';
import { containsPoint, sideOfLine, type Area } from '../../domain/geo.ts';
import { sectorsNear, sectorsNearIn, type SectorRow } from '../../repositories/sectors.ts';
import { controlLineAt, type ControlLineRow } from '../../repositories/control-lines.ts';
import { findReportByClientId, insertReportRow, type ReportRow } from '../../repositories/monitoring/reports.ts';
import { groupingCandidates, insertIncident, lockIncident } from '../../repositories/monitoring/incidents.ts';
import { uploadedEvidence } from '../../repositories/monitoring/evidence.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, type FieldError } from '../errors.ts';
import { isUniqueViolation } from '../sql-errors.ts';
import { writeWithLog, type RecordFn } from '../write.ts';
import { appendEvent, updateIncident } from './incident-writes.ts';
import { applyGridChange } from '../../repositories/monitoring/grid.ts';
import { COARSE_CANDIDATE_MARGIN, coarsePlaceAmong, type CoarsePlace } from './coarse-place.ts';
import { OPEN_STATUSES } from '../../domain/monitoring/workflow.ts';
import { incidentKind, reportKind } from '../../log/kinds/monitoring.ts';
import { coarsePlaceId, type StoredFacts } from '../../domain/monitoring/facts.ts';
import { findPlace, type PlaceRow } from '../../repositories/monitoring/places.ts';
import { findOrganisation } from '../../repositories/organisations.ts';

export interface FiledReport {
  report: ReportRow;
  repeat: boolean;
  logIndex: number | null;
}

/** Everything a report needs from the database before the write: checked, or a 400 naming the field. */
export interface ReportPlace {
  sector: SectorRow;
  side: 'held' | 'released' | null;
  /** The same for audiences that see coarsened locations: of the coarse point. */
  coarse: CoarsePlace;
  /** The gazetteer place the report names (facts.placeId), if any. */
  place: PlaceRow | null;
}

/** Every sector (by name) and the control line in force, loaded once to place many reports (bulk import). */
export interface PlaceCache {
  sectors: SectorRow[];
  line: ControlLineRow | undefined;
}

export async function prepareReport(
  db: Kysely<DB>,
  input: CreateReport,
  now: Date,
  cache?: PlaceCache,
): Promise<ReportPlace> {
  const problems: FieldError[] = checkReportRules(
    { occurredAt: new Date(input.occurredAt), eventType: input.eventType, subEventType: input.subEventType },
    now,
  );
  const [lon, lat] = input.location.coordinates;
  // One read serves both the exact point's sector and the candidates for its coarse cell's.
  const nearby = cache
    ? sectorsNearIn(cache.sectors, lon, lat, COARSE_CANDIDATE_MARGIN)
    : await sectorsNear(db, lon, lat, COARSE_CANDIDATE_MARGIN);
  const sector = nearby.find((s) => containsPoint(s.geometry as Area, [lon, lat]));
  if (!sector) problems.push({ path: 'location', message: 'is outside the mission area (no sector contains it)' });
  if (input.evidence.length > 0) {
    const have = await uploadedEvidence(db, input.evidence);
    input.evidence.forEach((h, i) => {
      if (!have.has(h)) problems.push({ path: `evidence.${i}`, message: 'no evidence with this SHA-256 was uploaded' });
    });
  }
  const facts = input.facts ?? {};
  const place = facts.placeId ? ((await findPlace(db, facts.placeId)) ?? null) : null;
  if (facts.placeId && !place)
    problems.push({ path: 'facts.placeId', message: 'no place of the gazetteer has this id' });
  const partyId = facts.perpetrator?.partyId;
  if (partyId && (await findOrganisation(db, partyId))?.kind !== 'party')
    problems.push({ path: 'facts.perpetrator.partyId', message: 'is not a party to the agreement' });
  if (problems.length > 0 || !sector) throw invalid(problems);
  const line = cache ? cache.line : await controlLineAt(db, now);
  const heldArea = line ? ((line.held_area as Area | null) ?? null) : null;
  const side = line ? sideOfLine(heldArea, [lon, lat]) : null;
  return { sector, side, coarse: coarsePlaceAmong(nearby, [lon, lat], heldArea), place };
}

export function reportRow(
  input: CreateReport,
  ctx: ReportPlace,
  incidentId: string,
  actor: Actor | null,
  now: Date,
): Selectable<ReportTable> {
  const [lon, lat] = input.location.coordinates;
  return {
    id: randomUUID(),
    client_id: input.clientId,
    incident_id: incidentId,
    sector_id: ctx.sector.id,
    side: ctx.side,
    coarse_sector_id: ctx.coarse.sector.id,
    coarse_side: ctx.coarse.side,
    occurred_at: new Date(input.occurredAt),
    time_precision: input.timePrecision,
    lon,
    lat,
    geo_precision: input.geoPrecision,
    event_type: input.eventType,
    sub_event_type: input.subEventType,
    observations: input.observations,
    actor1: input.actor1 ?? null,
    actor2: input.actor2 ?? null,
    fatalities: input.fatalities,
    injuries: input.injuries,
    source_kind: input.source.kind,
    source_name: input.source.name,
    source_reliability: input.source.reliability,
    description: input.description,
    evidence: input.evidence,
    author_user_id: actor?.userId ?? null,
    author_org_id: actor?.organisationId ?? null,
    version: 1,
    created_at: now,
    facts: storedFacts(input.facts ?? {}),
    place_id: ctx.place?.id ?? null,
    coarse_place_id: coarsePlaceId(ctx.place),
  };
}

/** The facts as stored: without the place (a column) and without absent members. */
function storedFacts(facts: CreateReport['facts']): StoredFacts {
  const { placeId: _placeId, ...rest } = facts;
  return JSON.parse(JSON.stringify(rest)) as StoredFacts;
}

/** The incident a report opens when it joins none (version 1, its one report). */
export function newIncidentRow(
  input: CreateReport,
  ctx: ReportPlace,
  id: string,
  now: Date,
): Selectable<IncidentTable> {
  const [lon, lat] = input.location.coordinates;
  return {
    id,
    // The title is shown to everyone (and published): it names the coarse point's sector.
    title: `${input.subEventType} — ${ctx.coarse.sector.name}`,
    status: 'alleged' as const,
    outcome: null,
    provision_id: null,
    responsible_org_id: null,
    event_type: input.eventType,
    sub_event_type: input.subEventType,
    occurred_at: new Date(input.occurredAt),
    lon,
    lat,
    sector_id: ctx.sector.id,
    side: ctx.side,
    coarse_lon: ctx.coarse.lon,
    coarse_lat: ctx.coarse.lat,
    coarse_sector_id: ctx.coarse.sector.id,
    coarse_side: ctx.coarse.side,
    report_count: 1,
    assignee_user_id: null,
    merged_into: null,
    ruling_round: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Inside the caller's transaction: joins the report to the incident it likely describes (or
 * opens one), inserts it and records every change. Shared by the API and bulk import.
 */
export async function insertReport(
  tx: Kysely<DB>,
  record: RecordFn,
  input: CreateReport,
  ctx: ReportPlace,
  actor: Actor | null,
  now: Date,
  thresholds: GroupingThresholds = DEFAULT_GROUPING,
): Promise<ReportRow> {
  const [lon, lat] = input.location.coordinates;
  const occurredAt = new Date(input.occurredAt);
  const windowMs = thresholds.windowMinutes * 60_000;
  const candidates = await groupingCandidates(
    tx,
    input.eventType,
    searchBox([lon, lat], thresholds.radiusKm),
    new Date(occurredAt.getTime() - windowMs),
    new Date(occurredAt.getTime() + windowMs),
  );
  const match = pickIncident({ lon, lat, occurredAt }, candidates, thresholds);
  let incidentId: string;
  const locked = match ? await lockIncident(tx, match.id) : undefined;
  // The candidate was chosen before the lock: by now it may have been merged away or moved on
  // (proposed for ruling, closed). Join it only if it still takes new reports.
  const current = locked && locked.merged_into === null && OPEN_STATUSES.includes(locked.status) ? locked : undefined;
  if (current) {
    incidentId = current.id;
    const earliest = new Date(current.occurred_at).getTime() <= occurredAt.getTime() ? current.occurred_at : occurredAt;
    await updateIncident(
      tx,
      record,
      current,
      { report_count: current.report_count + 1, occurred_at: earliest },
      'update',
      actor,
      now,
    );
  } else {
    incidentId = randomUUID();
    const incident = newIncidentRow(input, ctx, incidentId, now);
    await insertIncident(tx, incident);
    await record({
      kind: 'incident',
      id: incidentId,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: incidentKind.public(incident),
      restricted: incidentKind.restricted(incident),
    });
    await applyGridChange(tx, null, incident);
    await appendEvent(
      tx,
      record,
      { incidentId, action: 'create', toStatus: 'alleged', rationale: 'opened by a new report', round: 0 },
      actor,
      now,
    );
  }
  const row = reportRow(input, ctx, incidentId, actor, now);
  await insertReportRow(tx, row);
  await record({
    kind: 'report',
    id: row.id,
    version: 1,
    op: 'create',
    at: now,
    actor,
    public: reportKind.public(row),
    restricted: reportKind.restricted(row),
  });
  return row;
}

function sameAuthor(existing: ReportRow, actor: Actor | null): ReportRow {
  // A clientId is the sender's: another account reusing it must not read someone else's report.
  if (actor && existing.author_user_id !== actor.userId)
    throw conflict("this clientId was already used for another account's report");
  return existing;
}

export async function fileReport(
  deps: Deps,
  actor: Actor | null,
  input: CreateReport,
  thresholds: GroupingThresholds = DEFAULT_GROUPING,
): Promise<FiledReport> {
  authorize(actor, 'report.create');
  const existing = await findReportByClientId(deps.db, input.clientId);
  if (existing) return { report: sameAuthor(existing, actor), repeat: true, logIndex: null };
  const now = deps.clock.now();
  const ctx = await prepareReport(deps.db, input, now);
  try {
    const w = await writeWithLog(deps, async (tx, record, announce) => {
      const report = await insertReport(tx, record, input, ctx, actor, now, thresholds);
      announce('report', report.id);
      announce('incident', report.incident_id);
      return report;
    });
    return { report: w.value, repeat: false, logIndex: w.logIndex };
  } catch (err) {
    // Two copies of the same report raced: the other one won; answer as for a retry.
    if (!isUniqueViolation(err)) throw err;
    const winner = await findReportByClientId(deps.db, input.clientId);
    if (!winner) throw err;
    return { report: sameAuthor(winner, actor), repeat: true, logIndex: null };
  }
}
