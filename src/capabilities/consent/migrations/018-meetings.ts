/**
 * @module Meetings (issue 12): date, place, convening and attending organisations, agenda,
 * minutes (adopted by a `minutes` decision whose subject is the meeting), the decisions taken,
 * and action items with an owner organisation and a due day. An item's status (due, late,
 * done) is derived on read, never stored. Core PostgreSQL only.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table meetings (
      id uuid primary key,
      title text not null,
      held_on date not null,
      place text not null,
      convening_org_id uuid not null references organisations(id),
      attending_org_ids jsonb not null,
      agenda text not null,
      minutes text not null,
      decision_ids jsonb not null,
      illustrative boolean not null default false,
      version integer not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index meetings_held_on on meetings (held_on)`.execute(db);
  await sql`
    create table meeting_actions (
      id uuid primary key,
      meeting_id uuid not null references meetings(id),
      title text not null,
      owner_org_id uuid not null references organisations(id),
      due_on date not null,
      done_at timestamptz,
      illustrative boolean not null default false,
      version integer not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index meeting_actions_meeting on meeting_actions (meeting_id, due_on)`.execute(db);
}
