/**
 * @module The force tables: status moves of contributions, the mandate's requirements, the
 * withdrawal milestones and the deployments of the handover plan.
 * Core PostgreSQL only (PGlite 18 and PostgreSQL 15): no extensions.
 */
import { sql, type Kysely } from 'kysely';
import { CAPABILITIES, CONTRIBUTION_STATUSES } from '../../contract/enums.ts';
import { MANDATE_TASKS, MILESTONE_KINDS } from '../../contract/force.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table contribution_transitions (
      id uuid primary key,
      contribution_id uuid not null references contributions(id),
      from_status text check (from_status in (${list(CONTRIBUTION_STATUSES)})),
      to_status text not null check (to_status in (${list(CONTRIBUTION_STATUSES)})),
      effective_on date not null,
      reason text not null,
      actor_user_id uuid references users(id),
      recorded_at timestamptz not null,
      version integer not null default 1
    )`.execute(db);
  await sql`create index contribution_transitions_contribution on contribution_transitions (contribution_id, effective_on, recorded_at)`.execute(
    db,
  );

  await sql`
    create table sector_requirements (
      id uuid primary key,
      task text not null check (task in (${list(MANDATE_TASKS)})),
      capability text not null check (capability in (${list(CAPABILITIES)})),
      sector_id uuid references sectors(id),
      phase integer not null check (phase >= 1),
      quantity integer not null check (quantity >= 0),
      needed_by date not null,
      note text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);

  await sql`
    create table handover_milestones (
      id uuid primary key,
      sector_id uuid not null references sectors(id),
      kind text not null check (kind in (${list(MILESTONE_KINDS)})),
      at date not null,
      area text not null default '',
      condition text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index handover_milestones_sector on handover_milestones (sector_id, at)`.execute(db);

  await sql`
    create table deployments (
      id uuid primary key,
      contribution_id uuid not null references contributions(id),
      sector_id uuid not null references sectors(id),
      from_date date not null,
      to_date date,
      strength integer not null check (strength > 0),
      note text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (to_date is null or to_date >= from_date)
    )`.execute(db);
  await sql`create index deployments_sector on deployments (sector_id, from_date)`.execute(db);
  await sql`create index deployments_contribution on deployments (contribution_id)`.execute(db);
}
