/**
 * @module Coarse locations stored beside the exact ones (issue 10, finding 1): an incident's
 * coarse point, and for incidents and reports the sector and side of the control line of that
 * coarse point, so filters, map cells and counts shown to parties work on the coarse cell
 * alone. A second map grid (`incident_coarse_grid`) aggregates the coarse points, so a party's
 * map stays on pre-aggregated rows. Existing rows are filled in here, with the control line
 * valid when each was created.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Area } from '../../domain/geo.ts';
import { controlLineAt } from '../../repositories/control-lines.ts';
import { coarsePlace } from '../../services/monitoring/coarse-place.ts';
import { GRID_LEVELS, cellSizeDegrees } from '../../domain/monitoring/clustering.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents add column coarse_lon double precision, add column coarse_lat double precision, add column coarse_sector_id uuid references sectors (id), add column coarse_side text check (coarse_side in ('held', 'released'))`.execute(
    db,
  );
  await sql`alter table reports add column coarse_sector_id uuid references sectors (id), add column coarse_side text check (coarse_side in ('held', 'released'))`.execute(
    db,
  );

  const typed = db as unknown as Kysely<DB>;
  const heldAt = async (at: Date): Promise<Area | null> =>
    ((await controlLineAt(typed, at))?.held_area ?? null) as Area | null;
  const incidents = await sql<{
    id: string;
    lon: number;
    lat: number;
    created_at: Date;
  }>`select id, lon, lat, created_at from incidents`.execute(db);
  for (const i of incidents.rows) {
    const p = await coarsePlace(typed, [i.lon, i.lat], await heldAt(new Date(i.created_at)));
    await sql`update incidents set coarse_lon = ${p.lon}, coarse_lat = ${p.lat}, coarse_sector_id = ${p.sector.id}, coarse_side = ${p.side} where id = ${i.id}`.execute(
      db,
    );
  }
  const reports = await sql<{
    id: string;
    lon: number;
    lat: number;
    created_at: Date;
  }>`select id, lon, lat, created_at from reports`.execute(db);
  for (const r of reports.rows) {
    const p = await coarsePlace(typed, [r.lon, r.lat], await heldAt(new Date(r.created_at)));
    await sql`update reports set coarse_sector_id = ${p.sector.id}, coarse_side = ${p.side} where id = ${r.id}`.execute(
      db,
    );
  }
  await sql`alter table incidents alter column coarse_lon set not null, alter column coarse_lat set not null`.execute(
    db,
  );
  await sql`alter table reports alter column coarse_sector_id set not null`.execute(db);
  // A party's filtered map (time, sector, outcome) reads incidents by their coarse point.
  await sql`create index incidents_coarse_lon_lat on incidents (coarse_lon, coarse_lat) where merged_into is null`.execute(
    db,
  );

  // The same pyramid as incident_grid, fed with coarse points (see repositories/monitoring/grid.ts).
  await sql`
    create table incident_coarse_grid (
      level smallint not null,
      gx integer not null,
      gy integer not null,
      status text not null,
      event_type text not null,
      n integer not null,
      sum_lon double precision not null,
      sum_lat double precision not null,
      violations integer not null,
      primary key (level, gx, gy, status, event_type)
    )`.execute(db);
  for (const level of GRID_LEVELS) {
    const cell = cellSizeDegrees(level);
    await sql`
      insert into incident_coarse_grid (level, gx, gy, status, event_type, n, sum_lon, sum_lat, violations)
      select ${level}::smallint, floor(coarse_lon / ${cell}::float8)::int, floor(coarse_lat / ${cell}::float8)::int, status, event_type, count(*)::int, sum(coarse_lon), sum(coarse_lat),
             sum(case when outcome = 'violation' and status in ('ruled', 'published') then 1 else 0 end)::int
      from incidents where merged_into is null
      group by 2, 3, 4, 5`.execute(db);
  }
}
