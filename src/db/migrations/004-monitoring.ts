/**
 * @module The monitoring tables: reports, the incidents they are grouped into, the incident
 * history (every transition, approval, assignment, merge and split; append-only) and evidence
 * stored by content hash. Core PostgreSQL only (PGlite 18 and PostgreSQL 15): no extensions,
 * no PostGIS: points are plain lon/lat columns with a b-tree index, enough for viewport boxes.
 */
import { sql, type Kysely } from 'kysely';
import { INCIDENT_STATUSES, OUTCOMES } from '../../contract/monitoring/enums.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table incidents (
      id uuid primary key,
      title text not null,
      status text not null check (status in (${list(INCIDENT_STATUSES)})),
      outcome text check (outcome in (${list(OUTCOMES)})),
      -- No FK: the agreement's provisions table comes with compliance (a later migration).
      provision_id uuid,
      responsible_org_id uuid references organisations(id),
      event_type text not null,
      sub_event_type text not null,
      occurred_at timestamptz not null,
      lon double precision not null check (lon between -180 and 180),
      lat double precision not null check (lat between -90 and 90),
      sector_id uuid,
      side text check (side in ('held', 'released')),
      report_count integer not null default 0,
      assignee_user_id uuid references users(id),
      merged_into uuid references incidents(id),
      -- Which proposed ruling approvals count for; bumped on each new proposal.
      ruling_round integer not null default 0,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (outcome <> 'violation' or (provision_id is not null and responsible_org_id is not null))
    )`.execute(db);
  // The map's viewport query: a range on lon then lat; merged incidents are never drawn.
  await sql`create index incidents_lon_lat on incidents (lon, lat) where merged_into is null`.execute(db);
  await sql`create index incidents_occurred on incidents (occurred_at)`.execute(db);
  await sql`create index incidents_status on incidents (status)`.execute(db);

  await sql`
    create table reports (
      id uuid primary key,
      client_id uuid not null unique,
      incident_id uuid not null references incidents(id),
      sector_id uuid not null,
      side text check (side in ('held', 'released')),
      occurred_at timestamptz not null,
      time_precision smallint not null check (time_precision between 1 and 3),
      lon double precision not null check (lon between -180 and 180),
      lat double precision not null check (lat between -90 and 90),
      geo_precision smallint not null check (geo_precision between 1 and 3),
      event_type text not null,
      sub_event_type text not null,
      observations jsonb not null,
      actor1 jsonb,
      actor2 jsonb,
      fatalities jsonb not null,
      injuries jsonb not null,
      source_kind text not null,
      source_name text not null,
      source_reliability text not null,
      description text not null,
      evidence jsonb not null,
      author_user_id uuid references users(id),
      author_org_id uuid references organisations(id),
      version integer not null default 1,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index reports_incident on reports (incident_id)`.execute(db);
  await sql`create index reports_lon_lat on reports (lon, lat)`.execute(db);

  await sql`
    create table incident_events (
      id uuid primary key,
      -- Commit order within one incident (several events can share a timestamp).
      seq bigserial not null,
      incident_id uuid not null references incidents(id),
      action text not null check (action in ('create', 'transition', 'approve', 'contest', 'assign', 'merge', 'split')),
      from_status text,
      to_status text,
      outcome text,
      rationale text not null,
      round integer not null,
      related_incident_id uuid references incidents(id),
      detail jsonb not null,
      actor_user_id uuid references users(id),
      actor_org_id uuid references organisations(id),
      at timestamptz not null
    )`.execute(db);
  await sql`create index incident_events_incident on incident_events (incident_id, at)`.execute(db);
  // One vote per organisation per proposed ruling: joint verification counts organisations.
  await sql`
    create unique index incident_events_one_vote on incident_events (incident_id, round, actor_org_id)
    where action in ('approve', 'contest')`.execute(db);

  // The map's pyramid: incident counts per grid cell, per zoom level, status and event type,
  // kept in step with every incident change in the same transaction. A viewport query reads
  // a few hundred of these rows whatever the number of incidents (see repositories/monitoring/grid.ts).
  await sql`
    create table incident_grid (
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

  await sql`
    create table evidence (
      sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      media_type text not null,
      size integer not null,
      content bytea not null,
      uploaded_by uuid references users(id),
      created_at timestamptz not null
    )`.execute(db);
}
