/** @module Queries on incidents and their history. */
import { type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IncidentEventTable, IncidentTable } from '../../db/schema/monitoring.ts';
import type { IncidentFilter } from '../../contract/monitoring.ts';
import { OPEN_STATUSES } from '../../domain/monitoring/workflow.ts';
import type { GroupCandidate } from '../../domain/monitoring/grouping.ts';
import type { ApprovalFact, OrgNode } from '../../domain/monitoring/ruling.ts';

/** The assignee's name is for the monitoring team only; the presenter withholds it from parties. */
export type IncidentRow = Selectable<IncidentTable> & {
  assignee_name: string | null;
  assignee_org_name: string | null;
};
export type IncidentEventRow = Selectable<IncidentEventTable> & { actor_org_name: string | null };

const base = (db: Kysely<DB>) =>
  db
    .selectFrom('incidents')
    .leftJoin('users', 'users.id', 'incidents.assignee_user_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('incidents')
    .select(['users.name as assignee_name', 'organisations.name as assignee_org_name']);

export function findIncident(db: Kysely<DB>, id: string): Promise<IncidentRow | undefined> {
  return base(db).where('incidents.id', '=', id).executeTakeFirst();
}

/** The row locked for update, inside a transaction: concurrent transitions queue up. */
export function lockIncident(tx: Kysely<DB>, id: string): Promise<Selectable<IncidentTable> | undefined> {
  return tx.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Applies the map and list filters to any query over `incidents`. With `coarse` points the
 * sector filter tests the coarse point's sector, so it cannot tell which side of a sector
 * boundary inside one coarse cell an incident lies on.
 */
export function applyFilter<O>(
  q: SelectQueryBuilder<DB, 'incidents', O>,
  f: IncidentFilter,
  points: 'exact' | 'coarse',
): SelectQueryBuilder<DB, 'incidents', O> {
  let r = q.where('incidents.merged_into', 'is', null);
  if (f.status?.length) r = r.where('incidents.status', 'in', f.status);
  if (f.outcome?.length) r = r.where('incidents.outcome', 'in', f.outcome);
  if (f.eventType?.length) r = r.where('incidents.event_type', 'in', f.eventType);
  if (f.sectorId)
    r = r.where(points === 'coarse' ? 'incidents.coarse_sector_id' : 'incidents.sector_id', '=', f.sectorId);
  if (f.responsiblePartyId) r = r.where('incidents.responsible_org_id', '=', f.responsiblePartyId);
  if (f.from) r = r.where('incidents.occurred_at', '>=', new Date(f.from));
  if (f.to) r = r.where('incidents.occurred_at', '<=', new Date(f.to));
  return r;
}

export function listIncidents(
  db: Kysely<DB>,
  f: IncidentFilter,
  limit: number,
  points: 'exact' | 'coarse',
): Promise<IncidentRow[]> {
  return applyFilter(base(db), f, points)
    .orderBy('incidents.occurred_at', 'desc')
    .orderBy('incidents.id')
    .limit(limit)
    .execute();
}

/** Open incidents of the same event type inside a lon/lat box and time window: grouping candidates. */
export async function groupingCandidates(
  db: Kysely<DB>,
  eventType: string,
  box: { minLon: number; maxLon: number; minLat: number; maxLat: number },
  from: Date,
  to: Date,
): Promise<GroupCandidate[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'lon', 'lat', 'occurred_at'])
    .where('merged_into', 'is', null)
    .where('event_type', '=', eventType)
    .where('status', 'in', OPEN_STATUSES)
    .where('lon', '>=', box.minLon)
    .where('lon', '<=', box.maxLon)
    .where('lat', '>=', box.minLat)
    .where('lat', '<=', box.maxLat)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<=', to)
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, lon: r.lon, lat: r.lat, occurredAt: new Date(r.occurred_at) }));
}

export function historyOf(db: Kysely<DB>, incidentId: string): Promise<IncidentEventRow[]> {
  return db
    .selectFrom('incident_events')
    .leftJoin('organisations', 'organisations.id', 'incident_events.actor_org_id')
    .selectAll('incident_events')
    .select('organisations.name as actor_org_name')
    .where('incident_events.incident_id', '=', incidentId)
    .orderBy('incident_events.at')
    .orderBy('incident_events.seq')
    .execute();
}

/**
 * The approvals of one round, each with its approver's account as it is NOW (role, disabled,
 * organisation): the quorum is judged at decision time, not at approval time.
 */
export async function approvalsOfRound(
  db: Kysely<DB>,
  incidentId: string,
  round: number,
  action: 'approve' | 'contest' = 'approve',
): Promise<(ApprovalFact & { name: string | null })[]> {
  const rows = await db
    .selectFrom('incident_events')
    .leftJoin('users', 'users.id', 'incident_events.actor_user_id')
    .select([
      'incident_events.actor_user_id',
      'incident_events.actor_org_id',
      'users.id as current_id',
      'users.role',
      'users.disabled',
      'users.organisation_id',
      'users.name',
    ])
    .where('incident_events.incident_id', '=', incidentId)
    .where('incident_events.round', '=', round)
    .where('incident_events.action', '=', action)
    .orderBy('incident_events.seq')
    .execute();
  return rows.map((r) => ({
    userId: r.actor_user_id,
    organisationId: r.actor_org_id,
    current:
      r.current_id !== null && r.role !== null && r.disabled !== null && r.organisation_id !== null
        ? { role: r.role, disabled: r.disabled, organisationId: r.organisation_id }
        : null,
    name: r.name,
  }));
}

/** Every organisation with its kind and parent: what a ruling body is made of (a short table). */
export async function organisationTree(db: Kysely<DB>): Promise<Map<string, OrgNode>> {
  const rows = await db.selectFrom('organisations').select(['id', 'name', 'kind', 'parent_id']).execute();
  return new Map(rows.map((o) => [o.id, { id: o.id, name: o.name, kind: o.kind, parentId: o.parent_id }]));
}

export async function missionQuorum(db: Kysely<DB>): Promise<number> {
  const m = await db.selectFrom('missions').select('approval_quorum').orderBy('created_at').executeTakeFirst();
  return m?.approval_quorum ?? 2;
}

export async function insertIncident(tx: Kysely<DB>, row: Insertable<IncidentTable>): Promise<void> {
  await tx.insertInto('incidents').values(row).execute();
}

/**
 * Applies `change` only if the incident is still at `version` (an UPDATE matching no row is not
 * an error to the database, so the caller learns it from the result); true when it was applied.
 */
export async function updateIncidentAtVersion(
  tx: Kysely<DB>,
  id: string,
  version: number,
  change: Updateable<IncidentTable>,
): Promise<boolean> {
  const updated = await tx
    .updateTable('incidents')
    .set(change)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updated.numUpdatedRows === 1n;
}

/** Appends a history event; returns its sequence number. */
export async function insertIncidentEvent(tx: Kysely<DB>, row: Insertable<IncidentEventTable>): Promise<number> {
  const inserted = await tx.insertInto('incident_events').values(row).returning('seq').executeTakeFirstOrThrow();
  return inserted.seq;
}

/** True when this account (of this organisation) already approved or contested the round. */
export async function hasReviewedRound(
  tx: Kysely<DB>,
  incidentId: string,
  round: number,
  userId: string | null,
  organisationId: string | null,
): Promise<boolean> {
  const voted = await tx
    .selectFrom('incident_events')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('round', '=', round)
    .where('action', 'in', ['approve', 'contest'])
    .where('actor_user_id', userId === null ? 'is' : '=', userId)
    .where('actor_org_id', organisationId === null ? 'is' : '=', organisationId)
    .executeTakeFirst();
  return voted !== undefined;
}

/** The incident's own row (no names), without a lock; it must exist. */
export function getIncidentRow(db: Kysely<DB>, id: string): Promise<Selectable<IncidentTable>> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
