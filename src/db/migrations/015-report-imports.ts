/**
 * @module Staging for bulk report imports. An import is checked, grouped and written here in
 * short transactions (so other users keep being served on PGlite's single session), then
 * published into the record tables in one transaction of set-based `insert ... select`
 * statements. No reader ever reads these tables, so a half-staged import is invisible; an
 * import left in `staging` by a crashed process is swept (rows deleted) once stale.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_imports (
      id uuid primary key,
      actor_user_id uuid,
      -- abandoned: claimed by the sweep (stale); its rows are being deleted, it can no longer publish.
      state text not null check (state in ('staging', 'published', 'abandoned')),
      staged integer not null default 0,
      created_at timestamptz not null,
      -- Bumped by every staging batch: an import in 'staging' untouched for long was abandoned.
      touched_at timestamptz not null
    )`.execute(db);
  await sql`
    create table report_import_rows (
      -- No cascade: the sweep deletes rows in small batches (one big delete would stall PGlite).
      import_id uuid not null references report_imports(id),
      seq integer not null,
      -- What the row becomes when published: a row of reports, incidents, incident_events,
      -- incident_grid, incident_coarse_grid or record_changes (with its secrets), or the final
      -- state of an incident already on record that the import joins (incident_updates).
      target text not null,
      row jsonb not null,
      primary key (import_id, seq)
    )`.execute(db);
}
