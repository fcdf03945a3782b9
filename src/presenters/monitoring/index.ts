/**
 * @module Monitoring rows to API shapes. The one place a report's source name and free text are
 * withheld: roles without `report.read` (party observers, liaisons) see that a report exists,
 * its type, place and time, never who said it or what they wrote. The same roles get points
 * rounded to 0.01 degree (about 1 km), never a witness's exact location, with the sector and side
 * of the control line of that rounded point (stored when the report was filed), and learn only
 * that an incident is assigned and to which organisation, never the monitor's name.
 */
import type {
  AppealState,
  Report,
  Incident,
  IncidentEvent,
  PublicRuling,
  RulingProgress,
} from '../../contract/monitoring.ts';
import type { ApprovalFact, RulingTally } from '../../domain/monitoring/ruling.ts';
import type { z } from 'zod';
import { seesExactLocations, type Actor } from '../../domain/policy.ts';
import { coarsePoint } from '../../domain/monitoring/precision.ts';
import type { IncidentEventRow, IncidentRow } from '../../repositories/monitoring/incidents.ts';
import type { ReportRow } from '../../repositories/monitoring/reports.ts';
import type { IncidentView } from '../../services/monitoring/incidents.ts';
import { incidentAbilities } from '../abilities.ts';
import { NO_FACTS_CONTEXT, presentFacts, type FactsContext } from './facts.ts';

type Estimate = Report['fatalities'];
type ActorShape = Report['actor1'];
const iso = (d: Date | string): string => new Date(d).toISOString();

/** Monitors, coordinators and the console see exact points and names; parties see them coarsened. */
export const isTeam = (viewer: Actor | null): boolean => seesExactLocations(viewer);

export function presentReport(
  r: ReportRow,
  viewer: Actor | null,
  evidence: ReadonlyMap<string, { media_type: string; size: number }> = new Map(),
  openings?: Record<string, string>,
  factsContext: FactsContext = NO_FACTS_CONTEXT,
): Report {
  const full = isTeam(viewer);
  const hashes = (r.evidence as string[] | null) ?? [];
  return {
    id: r.id,
    clientId: r.client_id,
    incidentId: r.incident_id,
    sectorId: full ? r.sector_id : r.coarse_sector_id,
    side: full ? r.side : r.coarse_side,
    occurredAt: iso(r.occurred_at),
    timePrecision: r.time_precision,
    location: { type: 'Point', coordinates: full ? [r.lon, r.lat] : coarsePoint(r.lon, r.lat) },
    geoPrecision: r.geo_precision,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    observations: r.observations as Record<string, number>,
    actor1: r.actor1 as ActorShape,
    actor2: r.actor2 as ActorShape,
    fatalities: r.fatalities as Estimate,
    injuries: r.injuries as Estimate,
    source: {
      kind: r.source_kind as Report['source']['kind'],
      name: full ? r.source_name : null,
      reliability: r.source_reliability as Report['source']['reliability'],
    },
    description: full ? r.description : null,
    evidence: full
      ? hashes.map((h) => ({
          sha256: h,
          mediaType: evidence.get(h)?.media_type ?? 'application/octet-stream',
          size: evidence.get(h)?.size ?? 0,
        }))
      : [],
    facts: presentFacts(r, full, factsContext),
    authorOrganisationId: r.author_org_id,
    createdAt: iso(r.created_at),
    version: r.version,
    // Only a reader shown the restricted values gets their openings (to check them against the log).
    ...(full && openings ? { openings } : {}),
  };
}

export function presentIncident(i: IncidentRow, viewer: Actor | null): Incident {
  const full = isTeam(viewer);
  return {
    id: i.id,
    title: i.title,
    status: i.status,
    outcome: i.outcome,
    provisionId: i.provision_id,
    responsiblePartyId: i.responsible_org_id,
    eventType: i.event_type,
    subEventType: i.sub_event_type,
    occurredAt: iso(i.occurred_at),
    location: { type: 'Point', coordinates: full ? [i.lon, i.lat] : [i.coarse_lon, i.coarse_lat] },
    sectorId: full ? i.sector_id : i.coarse_sector_id,
    side: full ? i.side : i.coarse_side,
    reportCount: i.report_count,
    assigned: i.assignee_user_id !== null,
    assigneeUserId: full ? i.assignee_user_id : null,
    assigneeName: full ? i.assignee_name : null,
    assigneeOrganisationName: i.assignee_user_id !== null ? i.assignee_org_name : null,
    mergedInto: i.merged_into,
    updatedAt: iso(i.updated_at),
    version: i.version,
  };
}

/** An appeal's new evidence, kept in its event's detail. */
function newEvidenceOf(detail: unknown): string | null {
  const d = typeof detail === 'string' ? (JSON.parse(detail) as unknown) : detail;
  const v = d !== null && typeof d === 'object' ? (d as { newEvidence?: unknown }).newEvidence : undefined;
  return typeof v === 'string' ? v : null;
}

/** Who acted, by account, only for the monitoring team: parties see the organisation. */
export function presentEvent(e: IncidentEventRow, viewer: Actor | null): IncidentEvent {
  return {
    id: e.id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    outcome: e.outcome,
    rationale: e.rationale,
    newEvidence: e.action === 'appeal' ? newEvidenceOf(e.detail) : null,
    round: e.round,
    relatedIncidentId: e.related_incident_id,
    actorUserId: isTeam(viewer) ? e.actor_user_id : null,
    actorOrganisationId: e.actor_org_id,
    actorOrganisationName: e.actor_org_name,
    at: iso(e.at),
  };
}

export function presentIncidentView(v: IncidentView, viewer: Actor | null) {
  const round = v.incident.ruling_round;
  return {
    ...presentIncident(v.incident, viewer),
    reports: v.reports.map((r) =>
      presentReport(r, viewer, v.evidence, v.openings.get(r.id), {
        places: v.places,
        incidentStatus: v.incident.status,
      }),
    ),
    history: v.history.map((e) => presentEvent(e, viewer)),
    approvals:
      v.incident.status === 'ruling_proposed'
        ? v.history
            .filter((e) => e.round === round && (e.action === 'approve' || e.action === 'contest'))
            .map((e) => presentEvent(e, viewer))
        : [],
    quorum: v.quorum,
    ruling: v.ruling === null ? null : presentRulingProgress(v.ruling, viewer),
    appeal: v.appeal === null ? null : presentAppeal(v.appeal, viewer),
    abilities: incidentAbilities(viewer, {
      status: v.incident.status,
      responsibleOrgId: v.incident.responsible_org_id,
      appealOpen: v.appeal?.open ?? false,
    }),
    // Only a reader shown the exact place and the assignee gets their openings (to check them against the log).
    ...(isTeam(viewer) && v.incidentOpenings ? { openings: v.incidentOpenings } : {}),
  };
}

/**
 * Who approved a proposed ruling and what is still needed. Everyone sees which organisations
 * approved (a ruling is the organisations' joint word); which monitor approved (account and
 * name) only the monitoring team sees, as with an incident's assignee.
 */
export function presentRulingProgress(
  r: NonNullable<IncidentView['ruling']>,
  viewer: Actor | null,
): z.infer<typeof RulingProgress> {
  const team = isTeam(viewer);
  const reviewer = (a: ApprovalFact) => ({
    userId: team ? a.userId : null,
    name: team && a.userId !== null ? (r.names.get(a.userId) ?? null) : null,
    organisationName: a.organisationId === null ? null : (r.organisationNames.get(a.organisationId) ?? null),
  });
  return {
    quorum: r.quorum,
    approvedBy: r.counted.map((b) => ({
      organisationId: b.organisationId,
      organisationName: b.organisationName,
      approvers: b.approvals.map(reviewer),
    })),
    notCounted: r.notCounted.map((n) => ({ ...reviewer(n.approval), reason: n.reason })),
    missing: r.missing,
    reached: r.reached,
    newBodyMissing: r.newBodyMissing,
  };
}

/** The appeal period and, while appealed, both tallies (reviewers' names for the team only). */
export function presentAppeal(
  a: NonNullable<IncidentView['appeal']>,
  viewer: Actor | null,
): z.infer<typeof AppealState> {
  const named = (t: RulingTally | null) =>
    t === null ? null : presentRulingProgress({ ...t, names: a.names, organisationNames: a.organisationNames }, viewer);
  return {
    deadline: a.deadline === null ? null : a.deadline.toISOString(),
    open: a.open,
    originalOrganisationIds: a.original,
    stands: named(a.stands),
    setAside: named(a.setAside),
  };
}

export function presentPublicRuling(i: IncidentRow): z.infer<typeof PublicRuling> {
  return {
    id: i.id,
    title: i.title,
    outcome: i.outcome,
    provisionId: i.provision_id,
    responsiblePartyId: i.responsible_org_id,
    eventType: i.event_type,
    subEventType: i.sub_event_type,
    occurredOn: iso(i.occurred_at).slice(0, 10),
    location: { type: 'Point', coordinates: [i.coarse_lon, i.coarse_lat] },
    sectorId: i.coarse_sector_id,
    publishedAt: iso(i.updated_at),
    version: i.version,
  };
}
