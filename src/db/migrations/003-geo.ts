/**
 * @module Sectors and control lines. Geometries are GeoJSON in jsonb with a bounding box in plain
 * columns: SQL narrows by box (indexed), the exact point-in-polygon runs in src/domain/geo.ts,
 * so the same code runs on PGlite and PostgreSQL without PostGIS.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sectors (
      id uuid primary key,
      name text not null unique,
      geometry jsonb not null,
      min_lon double precision not null,
      min_lat double precision not null,
      max_lon double precision not null,
      max_lat double precision not null,
      area_km2 double precision not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (min_lon <= max_lon and min_lat <= max_lat)
    )`.execute(db);
  await sql`create index sectors_bbox on sectors (min_lon, max_lon, min_lat, max_lat)`.execute(db);

  // One row per version: a moved line is a new row, the old one gets its valid_to. Nothing is overwritten
  // except valid_to, which is itself logged as a new version of the old row.
  await sql`
    create table control_line_versions (
      id uuid primary key,
      line_id uuid not null,
      name text not null,
      version integer not null,
      geometry jsonb not null,
      held_area jsonb,
      held_area_km2 double precision,
      held_by_org_id uuid references organisations(id),
      valid_from timestamptz not null,
      valid_to timestamptz,
      source text not null,
      author_user_id uuid references users(id),
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (line_id, version),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create index control_line_versions_time on control_line_versions (valid_from, valid_to)`.execute(db);
}
