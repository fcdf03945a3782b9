/**
 * @module The compliance tables: agreement events, provisions, deliveries, PAM assessments and
 * disputes. Core PostgreSQL only (PGlite 18 and PostgreSQL 15): no extensions. Statuses are not
 * stored: they are derived at read time from these facts and the clock.
 */
import { sql, type Kysely } from 'kysely';
import { DISPUTE_STATUSES, MEASURE_KINDS, PROVISION_TYPES } from '../../contract/compliance/enums.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agreement_events (
      id uuid primary key,
      key text not null unique,
      name text not null,
      occurred_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table provisions (
      id uuid primary key,
      phase integer not null check (phase between 1 and 9),
      reference text not null default '',
      title text not null,
      body text not null default '',
      provision_type text not null check (provision_type in (${list(PROVISION_TYPES)})),
      party_ids jsonb not null,
      intermediary_org_id uuid references organisations(id),
      depends_on_id uuid references provisions(id),
      deadline_kind text not null check (deadline_kind in ('none', 'absolute', 'relative')),
      deadline_at timestamptz,
      anchor_event_id uuid references agreement_events(id),
      anchor_provision_id uuid references provisions(id),
      offset_amount integer,
      offset_unit text check (offset_unit in ('hours', 'days')),
      measure text not null check (measure in (${list(MEASURE_KINDS)})),
      target bigint check (target > 0),
      per_day bigint check (per_day > 0),
      unit text not null default '',
      ratio_of_id uuid references provisions(id),
      ratio_per_unit integer check (ratio_per_unit > 0),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((deadline_kind = 'absolute') = (deadline_at is not null)),
      check ((deadline_kind = 'relative') = (offset_amount is not null and offset_unit is not null)),
      check (deadline_kind <> 'relative' or ((anchor_event_id is null) <> (anchor_provision_id is null))),
      check ((measure = 'count') = (target is not null)),
      check ((measure = 'rate') = (per_day is not null and deadline_kind <> 'none')),
      check ((measure = 'ratio') = (ratio_of_id is not null and ratio_per_unit is not null))
    )`.execute(db);
  await sql`create index provisions_phase on provisions (phase)`.execute(db);

  await sql`
    create table provision_deliveries (
      id uuid primary key,
      provision_id uuid not null references provisions(id),
      organisation_id uuid references organisations(id),
      count bigint not null check (count >= 0),
      occurred_at timestamptz not null,
      verifier text not null,
      location text not null default '',
      evidence text not null default '',
      persons jsonb,
      persons_named integer not null default 0,
      recorded_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index provision_deliveries_provision on provision_deliveries (provision_id, occurred_at)`.execute(
    db,
  );

  await sql`
    create table provision_assessments (
      id uuid primary key,
      provision_id uuid not null references provisions(id),
      score integer not null check (score between 0 and 3),
      evidence text not null,
      rationale text not null,
      assessed_by uuid references users(id),
      assessed_at timestamptz not null,
      version integer not null default 1
    )`.execute(db);
  await sql`create index provision_assessments_provision on provision_assessments (provision_id, assessed_at)`.execute(
    db,
  );

  await sql`
    create table provision_disputes (
      id uuid primary key,
      provision_id uuid not null references provisions(id),
      organisation_id uuid not null references organisations(id),
      reason text not null,
      status text not null check (status in (${list(DISPUTE_STATUSES)})),
      resolution text not null default '',
      opened_by uuid references users(id),
      opened_at timestamptz not null,
      resolved_by uuid references users(id),
      resolved_at timestamptz,
      version integer not null default 1,
      check ((status = 'open') = (resolved_at is null))
    )`.execute(db);
  await sql`create index provision_disputes_provision on provision_disputes (provision_id)`.execute(db);
  // One open dispute per party and provision, even when two requests race.
  await sql`create unique index provision_disputes_one_open on provision_disputes (provision_id, organisation_id) where status = 'open'`.execute(
    db,
  );
}
