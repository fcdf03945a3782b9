/**
 * @module Queries of bulk import: the checks' reads, the import staging tables (migration 015)
 * written in small batches (each its own short transaction), the publish step's set-based
 * statements (inside the caller's one transaction), and the deletion of staged rows in
 * small batches.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IncidentTable } from '../../db/schema/monitoring.ts';
import { OPEN_STATUSES } from '../../domain/monitoring/workflow.ts';

/** What a staged row becomes when the import is published. */
export type StageTarget =
  | 'incidents'
  | 'incident_updates'
  | 'incident_events'
  | 'reports'
  | 'incident_grid'
  | 'incident_coarse_grid'
  | 'record_changes';

type CopiedTarget = 'incidents' | 'incident_events' | 'reports' | 'incident_grid' | 'incident_coarse_grid';

/** Columns copied from staging into each table (incident_events.seq is left to its sequence, in staging order). */
const COLUMNS: Record<CopiedTarget, readonly string[]> = {
  incidents: [
    'id',
    'title',
    'status',
    'outcome',
    'provision_id',
    'responsible_org_id',
    'event_type',
    'sub_event_type',
    'occurred_at',
    'lon',
    'lat',
    'sector_id',
    'side',
    'coarse_lon',
    'coarse_lat',
    'coarse_sector_id',
    'coarse_side',
    'report_count',
    'assignee_user_id',
    'merged_into',
    'ruling_round',
    'version',
    'created_at',
    'updated_at',
  ],
  reports: [
    'id',
    'client_id',
    'incident_id',
    'sector_id',
    'side',
    'coarse_sector_id',
    'coarse_side',
    'occurred_at',
    'time_precision',
    'lon',
    'lat',
    'geo_precision',
    'event_type',
    'sub_event_type',
    'observations',
    'actor1',
    'actor2',
    'fatalities',
    'injuries',
    'source_kind',
    'source_name',
    'source_reliability',
    'description',
    'evidence',
    'author_user_id',
    'author_org_id',
    'version',
    'created_at',
    'facts',
    'place_id',
    'coarse_place_id',
  ],
  incident_events: [
    'id',
    'incident_id',
    'action',
    'from_status',
    'to_status',
    'outcome',
    'rationale',
    'round',
    'related_incident_id',
    'detail',
    'actor_user_id',
    'actor_org_id',
    'at',
  ],
  incident_grid: ['level', 'gx', 'gy', 'status', 'event_type', 'n', 'sum_lon', 'sum_lat', 'violations'],
  incident_coarse_grid: ['level', 'gx', 'gy', 'status', 'event_type', 'n', 'sum_lon', 'sum_lat', 'violations'],
};

/** Who filed each of these clientIds (those on record): repeats of the importer, or another account's. */
export async function clientIdAuthors(
  db: Kysely<DB>,
  clientIds: readonly string[],
): Promise<{ client_id: string; author_user_id: string | null }[]> {
  const out: { client_id: string; author_user_id: string | null }[] = [];
  for (let i = 0; i < clientIds.length; i += 1000) {
    const chunk = clientIds.slice(i, i + 1000);
    out.push(
      ...(await db
        .selectFrom('reports')
        .select(['client_id', 'author_user_id'])
        .where('client_id', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

/**
 * Whole rows of the incidents that take reports (open, not merged) of one event type whose
 * time is in [from, to) and point in the box: what the plan groups an import's rows against.
 */
export function openIncidentsIn(
  db: Kysely<DB>,
  eventType: string,
  box: { minLon: number; maxLon: number; minLat: number; maxLat: number },
  from: Date,
  to: Date,
): Promise<Selectable<IncidentTable>[]> {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('merged_into', 'is', null)
    .where('event_type', '=', eventType)
    .where('status', 'in', OPEN_STATUSES)
    .where('lon', '>=', box.minLon)
    .where('lon', '<=', box.maxLon)
    .where('lat', '>=', box.minLat)
    .where('lat', '<=', box.maxLat)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

export async function createImport(db: Kysely<DB>, id: string, actorUserId: string | null, now: Date): Promise<void> {
  await db
    .insertInto('report_imports')
    .values({ id, actor_user_id: actorUserId, state: 'staging', staged: 0, created_at: now, touched_at: now })
    .execute();
}

/**
 * One short transaction: appends staged rows and touches the import. False when the import is
 * no longer staging (the sweep claimed it as abandoned): the caller stops.
 */
export async function stageBatch(
  db: Kysely<DB>,
  importId: string,
  firstSeq: number,
  rows: readonly { target: StageTarget; row: unknown }[],
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const touched = await tx
      .updateTable('report_imports')
      .set((eb) => ({ touched_at: now, staged: eb('staged', '+', rows.length) }))
      .where('id', '=', importId)
      .where('state', '=', 'staging')
      .executeTakeFirst();
    if (touched.numUpdatedRows !== 1n) return false;
    await tx
      .insertInto('report_import_rows')
      .values(
        rows.map((r, i) => ({ import_id: importId, seq: firstSeq + i, target: r.target, row: JSON.stringify(r.row) })),
      )
      .execute();
    return true;
  });
}

/** Inside the publish transaction: marks the import published; false if the sweep claimed it first. */
export async function claimForPublish(tx: Kysely<DB>, importId: string): Promise<boolean> {
  const r = await tx
    .updateTable('report_imports')
    .set({ state: 'published' })
    .where('id', '=', importId)
    .where('state', '=', 'staging')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/**
 * Moves the incidents on record that the import joins to their planned final state, each only
 * if it is still exactly as planned (same version, still taking reports). Returns how many
 * were updated: fewer than staged means the plan is stale.
 */
export async function applyStagedIncidentUpdates(tx: Kysely<DB>, importId: string): Promise<number> {
  const r = await sql`
    update incidents i
    set report_count = u.report_count, occurred_at = u.occurred_at, version = u.version, updated_at = u.updated_at
    from report_import_rows s,
         jsonb_to_record(s.row) as u(id uuid, planned_version int, report_count int, occurred_at timestamptz, version int, updated_at timestamptz)
    where s.import_id = ${importId} and s.target = 'incident_updates' and i.id = u.id and i.version = u.planned_version
      and i.merged_into is null and i.status in (${sql.join(OPEN_STATUSES.map((st) => sql`${st}`))})`.execute(tx);
  return Number(r.numAffectedRows ?? 0n);
}

/** Copies one table's staged rows in staging order: one statement, however many rows. */
export async function copyStaged(tx: Kysely<DB>, importId: string, target: CopiedTarget): Promise<void> {
  const cols = COLUMNS[target];
  const into = sql.join(cols.map((c) => sql.ref(c)));
  const from = sql.join(cols.map((c) => sql.ref(`r.${c}`)));
  // Grid rows are netted per cell in the plan, so each cell appears once in the statement.
  const onConflict =
    target === 'incident_grid' || target === 'incident_coarse_grid'
      ? sql` on conflict (level, gx, gy, status, event_type) do update set n = ${sql.table(target)}.n + excluded.n, sum_lon = ${sql.table(target)}.sum_lon + excluded.sum_lon,
           sum_lat = ${sql.table(target)}.sum_lat + excluded.sum_lat, violations = ${sql.table(target)}.violations + excluded.violations`
      : sql``;
  await sql`
    insert into ${sql.table(target)} (${into})
    select ${from} from report_import_rows s, jsonb_populate_record(null::${sql.table(target)}, s.row) r
    where s.import_id = ${importId} and s.target = ${target}
    order by s.seq${onConflict}`.execute(tx);
}

/**
 * Copies the staged changes into the log's outbox in staging order (ids follow the plan, as
 * filing one by one would number them) and their secrets beside them. Each change takes its
 * id from the outbox's sequence first, in staging order, so its secrets need no join back.
 * Returns the last outbox id (null if none).
 */
export async function copyStagedChanges(tx: Kysely<DB>, importId: string): Promise<number | null> {
  const r = await sql<{ last: string | number | null }>`
    with staged as materialized (
      select nextval(pg_get_serial_sequence('record_changes', 'id')) as id, t.row
      from (select s.seq, s.row from report_import_rows s where s.import_id = ${importId} and s.target = 'record_changes' order by s.seq) t
    ), ins as (
      insert into record_changes (id, record_kind, record_id, version, op, actor_org_id, actor_user_id, at, payload)
      select s.id, r.record_kind, r.record_id, r.version, r.op, r.actor_org_id, r.actor_user_id, r.at, r.payload
      from staged s, jsonb_populate_record(null::record_changes, s.row) r
      order by s.id
      returning id
    ), secrets as (
      -- Foreign keys are checked at the end of the statement, once ins has run.
      -- A JSON null comes out of jsonb_to_recordset as SQL null: kept as the JSON null appendChange stores.
      insert into record_secrets (change_id, field, salt, value)
      select s.id, x.field, decode(x.salt, 'hex'), coalesce(x.value, 'null'::jsonb)
      from staged s, jsonb_to_recordset(s.row->'secrets') as x(field text, salt text, value jsonb)
      returning 1
    )
    select max(id) as last from ins`.execute(tx);
  const last = r.rows[0]?.last;
  return last === null || last === undefined ? null : Number(last);
}

/** Imports to clean up: finished ones (staged rows left), and staging ones untouched since `staleBefore`. */
export async function importsToSweep(db: Kysely<DB>, staleBefore: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('report_imports')
    .select('id')
    .where((eb) => eb.or([eb('state', '!=', 'staging'), eb('touched_at', '<', staleBefore)]))
    .execute();
  return rows.map((r) => r.id);
}

/** Claims a staging import untouched since `staleBefore` as abandoned, so it can never publish. */
export async function abandonIfStale(db: Kysely<DB>, importId: string, staleBefore: Date): Promise<void> {
  await db
    .updateTable('report_imports')
    .set({ state: 'abandoned' })
    .where('id', '=', importId)
    .where('state', '=', 'staging')
    .where('touched_at', '<', staleBefore)
    .execute();
}

/**
 * Deletes up to `batch` staged rows of a published or abandoned import; returns how many.
 * Never a staging import's rows (a state never goes back to staging, so the check is final).
 */
export async function deleteStagedBatch(db: Kysely<DB>, importId: string, batch: number): Promise<number> {
  const r = await sql`
    delete from report_import_rows where import_id = ${importId} and seq in (
      select seq from report_import_rows where import_id = ${importId} order by seq limit ${batch})
    and exists (select 1 from report_imports where id = ${importId} and state <> 'staging')`.execute(db);
  return Number(r.numAffectedRows ?? 0n);
}

/** Forgets a finished import once its rows are gone (a staging one is never deleted here). */
export async function deleteImport(db: Kysely<DB>, importId: string): Promise<void> {
  await db.deleteFrom('report_imports').where('id', '=', importId).where('state', '!=', 'staging').execute();
}
