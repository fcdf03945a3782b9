/**
 * @module Foundation schema: mission, organisations, users, sessions, tokens, contributions,
 * and the record-change table every later capability writes through.
 * Core PostgreSQL only (runs on PGlite 18 and PostgreSQL 15): no extensions.
 */
import { sql, type Kysely } from 'kysely';
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  CONTRIBUTION_UNITS,
  ORG_KINDS,
  ROLES,
  CAPABILITIES,
} from '../../contract/enums.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table missions (
      id uuid primary key,
      name text not null,
      force_ceiling integer not null check (force_ceiling >= 0),
      approval_quorum integer not null default 2 check (approval_quorum >= 1),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key,
      name text not null unique,
      kind text not null check (kind in (${list(ORG_KINDS)})),
      country char(2) check (country ~ '^[A-Z]{2}$'),
      parent_id uuid references organisations(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (kind <> 'state' or country is not null)
    )`.execute(db);

  await sql`
    create table users (
      id uuid primary key,
      email text not null,
      name text not null,
      organisation_id uuid not null references organisations(id),
      role text not null check (role in (${list(ROLES)})),
      password_hash text,
      disabled boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (email = lower(email))
    )`.execute(db);
  await sql`create unique index users_email_key on users (email)`.execute(db);

  await sql`
    create table sessions (
      token_hash bytea primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);

  await sql`
    create table api_tokens (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      token_hash bytea not null unique,
      label text not null default '',
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table sign_in_events (
      id bigserial primary key,
      email text not null,
      user_id uuid references users(id) on delete set null,
      ok boolean not null,
      ip text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sign_in_events_email_at on sign_in_events (email, at)`.execute(db);
  await sql`create index sign_in_events_ip_at on sign_in_events (ip, at)`.execute(db);

  await sql`
    create table contributions (
      id uuid primary key,
      organisation_id uuid not null references organisations(id),
      kind text not null check (kind in (${list(CONTRIBUTION_KINDS)})),
      capability text not null check (capability in (${list(CAPABILITIES)})),
      quantity numeric(18, 2) check (quantity >= 0),
      unit text not null check (unit in (${list(CONTRIBUTION_UNITS)})),
      currency char(3) check (currency ~ '^[A-Z]{3}$'),
      status text not null check (status in (${list(CONTRIBUTION_STATUSES)})),
      caveats text not null default '',
      expected_arrival date,
      note text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((unit = 'currency') = (currency is not null))
    )`.execute(db);
  await sql`create index contributions_org on contributions (organisation_id)`.execute(db);

  await sql`
    create table record_changes (
      id bigserial primary key,
      record_kind text not null,
      record_id text not null,
      version integer not null,
      op text not null,
      actor_org_id uuid,
      actor_user_id uuid,
      at timestamptz not null,
      payload jsonb not null,
      log_index bigint unique,
      unique (record_kind, record_id, version)
    )`.execute(db);
  // The sequencer drains the outbox: pending rows are those without a log index.
  await sql`create index record_changes_pending on record_changes (id) where log_index is null`.execute(db);

  await sql`
    create table record_secrets (
      change_id bigint not null references record_changes(id),
      field text not null,
      salt bytea not null,
      value jsonb not null,
      primary key (change_id, field)
    )`.execute(db);

  await sql`create table meta (key text primary key, value jsonb not null)`.execute(db);
}
