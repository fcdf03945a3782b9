/**
 * @module The facts of a report as typed fields (issue 13) and the mission's gazetteer.
 * `reports.facts` holds the optional facts (perpetrator, casualties, weapon, counts, direction
 * and distance, duration, method, confidence) as one JSON document validated by the contract;
 * the place a report names is a column so it can reference the gazetteer, with beside it the
 * place shown to audiences that see coarsened locations (null when the place is smaller than a
 * coarse cell, as a site would locate the event better than the coarse point does).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table places (
      id uuid primary key,
      -- {"en": ..., "ar": ..., optionally "fr", "he"}: English and Arabic are required.
      names jsonb not null,
      -- Other spellings (transliterations, older names), searched like the names.
      alternates jsonb not null default '[]',
      lon double precision not null,
      lat double precision not null,
      sector_id uuid not null references sectors (id),
      -- How far the place extends around its point: under a coarse cell it is a site.
      radius_km double precision not null check (radius_km > 0),
      illustrative boolean not null default false,
      version integer not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`alter table reports add column facts jsonb not null default '{}', add column place_id uuid references places (id), add column coarse_place_id uuid references places (id)`.execute(
    db,
  );
}
