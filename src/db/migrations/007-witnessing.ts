/**
 * @module Witnessed publishing: what each configured witness last cosigned for us (so the next
 * request carries the right old size and consistency proof), and the latest checkpoint that a
 * quorum of witnesses cosigned, which is the one /log/checkpoint publishes when witnesses are set.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table log_witnesses (
      cosigner_key text primary key,
      size bigint not null default 0 check (size >= 0),
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table log_published (
      id integer primary key check (id = 1),
      size bigint not null,
      checkpoint text not null,
      updated_at timestamptz not null
    )`.execute(db);
}
