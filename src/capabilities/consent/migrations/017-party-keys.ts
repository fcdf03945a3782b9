/**
 * @module Parties' own signing keys (issue 12, "signed by the party itself"): each organisation's
 * Ed25519 public keys (one current, earlier ones retired, never deleted: old answers stay
 * checkable), and each answer's signature with the salted digest of its content it covers.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table party_keys (
      id uuid primary key,
      organisation_id uuid not null references organisations(id),
      public_key text not null,
      fingerprint text not null unique,
      registered_by_user_id uuid references users(id),
      registered_at timestamptz not null,
      retired_at timestamptz,
      version integer not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create unique index party_keys_current on party_keys (organisation_id) where retired_at is null`.execute(
    db,
  );
  await sql`
    alter table decision_answers
      add column content_salt text,
      add column content_digest text,
      add column signature text,
      add column key_fingerprint text`.execute(db);
}
