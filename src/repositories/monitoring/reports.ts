/** @module Queries on reports. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ReportTable } from '../../db/schema/monitoring.ts';

export type ReportRow = Selectable<ReportTable>;

export function findReportByClientId(db: Kysely<DB>, clientId: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export function reportsOfIncident(db: Kysely<DB>, incidentId: string): Promise<ReportRow[]> {
  return db.selectFrom('reports').selectAll().where('incident_id', '=', incidentId).orderBy('occurred_at').orderBy('id').execute();
}

export function findReports(db: Kysely<DB>, ids: readonly string[]): Promise<ReportRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('reports').selectAll().where('id', 'in', ids).execute();
}

export function listRecentReports(db: Kysely<DB>, limit: number): Promise<ReportRow[]> {
  return db.selectFrom('reports').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}
