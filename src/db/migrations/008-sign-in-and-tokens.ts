/**
 * @module Sign-in throttling and API token lifetimes (issue 10, findings 4, 5 and the purge).
 * - `sign_in_throttle`: one row per throttled key (an account, an address, an account from an
 *   address, a trusted device). An attempt is reserved on these rows under a row lock BEFORE the
 *   slow password check, so parallel guesses cannot all pass a count taken before any of them
 *   finished.
 * - `auth_keys`: the random key that signs device cookies, shared by every app server.
 * - `api_tokens`: an expiry (tokens that existed before this migration expire 90 days after it),
 *   a last-used time, a version (revocation is a logged change) and who revoked.
 * - Indexes that let the periodic purge find expired sessions and old sign-in events cheaply.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sign_in_throttle (
      key text primary key,
      attempts integer not null check (attempts >= 0),
      blocked_until timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index sign_in_throttle_updated_at on sign_in_throttle (updated_at)`.execute(db);

  await sql`
    create table auth_keys (
      name text primary key,
      secret bytea not null,
      created_at timestamptz not null
    )`.execute(db);

  await sql`alter table api_tokens add column expires_at timestamptz`.execute(db);
  await sql`update api_tokens set expires_at = now() + interval '90 days'`.execute(db);
  await sql`alter table api_tokens alter column expires_at set not null`.execute(db);
  await sql`alter table api_tokens add column last_used_at timestamptz`.execute(db);
  await sql`alter table api_tokens add column revoked_by uuid references users(id) on delete set null`.execute(db);
  await sql`alter table api_tokens add column version integer not null default 1`.execute(db);
  await sql`create index api_tokens_user_id on api_tokens (user_id, created_at)`.execute(db);

  await sql`create index sessions_expires_at on sessions (expires_at)`.execute(db);
  await sql`create index sign_in_events_at on sign_in_events (at)`.execute(db);
}
