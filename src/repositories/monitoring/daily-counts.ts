/** @module The rows period counts are computed from: incidents of a time range with their reports' event figures. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface CountRow {
  id: string;
  sector_id: string | null;
  occurred_at: Date | string;
  status: string;
  outcome: string | null;
  explosions: number | null;
  shots: number | null;
}

/**
 * Incidents (not merged away) that occurred in [start, end), one row per report, with the sector
 * the reader is shown: the exact one, or the coarse point's (the same rule as every other answer).
 */
export function incidentsWithEvents(
  db: Kysely<DB>,
  start: Date,
  end: Date,
  points: 'exact' | 'coarse',
): Promise<CountRow[]> {
  return db
    .selectFrom('incidents')
    .leftJoin('reports', 'reports.incident_id', 'incidents.id')
    .select([
      'incidents.id',
      points === 'exact' ? 'incidents.sector_id' : 'incidents.coarse_sector_id as sector_id',
      'incidents.occurred_at',
      'incidents.status',
      'incidents.outcome',
      sql<number | null>`(reports.facts ->> 'explosions')::int`.as('explosions'),
      sql<number | null>`(reports.facts ->> 'shots')::int`.as('shots'),
    ])
    .where('incidents.merged_into', 'is', null)
    .where('incidents.occurred_at', '>=', start)
    .where('incidents.occurred_at', '<', end)
    .execute();
}
