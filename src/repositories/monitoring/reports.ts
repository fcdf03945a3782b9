/** @module Queries on reports. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ReportTable } from '../../db/schema/monitoring.ts';

export type ReportRow = Selectable<ReportTable>;

export function findReportByClientId(db: Kysely<DB>, clientId: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export function reportsOfIncident(db: Kysely<DB>, incidentId: string): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

export function findReports(db: Kysely<DB>, ids: readonly string[]): Promise<ReportRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('reports').selectAll().where('id', 'in', ids).execute();
}

export function listRecentReports(db: Kysely<DB>, limit: number): Promise<ReportRow[]> {
  return db.selectFrom('reports').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

/** Stores a report (its JSON fields as text). */
export async function insertReportRow(tx: Kysely<DB>, row: ReportRow): Promise<void> {
  const asJson = (v: unknown): string => JSON.stringify(v);
  await tx
    .insertInto('reports')
    .values({
      ...row,
      observations: asJson(row.observations),
      actor1: row.actor1 === null ? null : asJson(row.actor1),
      actor2: row.actor2 === null ? null : asJson(row.actor2),
      fatalities: asJson(row.fatalities),
      injuries: asJson(row.injuries),
      evidence: asJson(row.evidence),
      facts: asJson(row.facts),
    })
    .execute();
}

/** Moves a report to another incident (a merge or a split). */
export async function moveReport(tx: Kysely<DB>, id: string, incidentId: string, version: number): Promise<void> {
  await tx.updateTable('reports').set({ incident_id: incidentId, version }).where('id', '=', id).execute();
}
