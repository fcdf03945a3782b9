/**
 * @module Decisions and consent (issue 12): consent rules per decision kind, decisions with the
 * rule they were asked under and their subjects, every answer (never updated: a later answer
 * supersedes, so withdrawal keeps the consent it takes back), and the mission's deliberation
 * notes. States are derived on read, never stored. Core PostgreSQL only.
 */
import { sql, type Kysely } from 'kysely';
import { ANSWER_KINDS, DECISION_KINDS } from '../contract/enums.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consent_rules (
      id uuid primary key,
      kind text not null unique check (kind in (${list(DECISION_KINDS)})),
      required_org_ids jsonb not null,
      quorum integer check (quorum is null or quorum >= 1),
      illustrative boolean not null default false,
      note text not null default '',
      version integer not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table decisions (
      id uuid primary key,
      kind text not null check (kind in (${list(DECISION_KINDS)})),
      title text not null,
      body text not null,
      subjects jsonb not null,
      required_org_ids jsonb not null,
      quorum integer check (quorum is null or quorum >= 1),
      due_at timestamptz not null,
      proposer_user_id uuid references users(id),
      proposer_org_id uuid references organisations(id),
      proposed_at timestamptz not null,
      cancelled_at timestamptz,
      version integer not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index decisions_kind on decisions (kind, proposed_at)`.execute(db);
  await sql`
    create table decision_answers (
      id uuid primary key,
      decision_id uuid not null references decisions(id),
      decision_version integer not null,
      organisation_id uuid not null references organisations(id),
      user_id uuid references users(id),
      answer text not null check (answer in (${list(ANSWER_KINDS)})),
      conditions text not null default '',
      caveats jsonb not null,
      reasons text not null default '',
      answered_at timestamptz not null,
      version integer not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index decision_answers_decision on decision_answers (decision_id, answered_at)`.execute(db);
  await sql`
    create table decision_notes (
      id uuid primary key,
      decision_id uuid not null references decisions(id),
      author_user_id uuid references users(id),
      body text not null,
      version integer not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index decision_notes_decision on decision_notes (decision_id, created_at)`.execute(db);
}
