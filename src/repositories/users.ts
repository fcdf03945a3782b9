/** @module Queries on users, sessions and tokens. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, UserTable } from '../db/schema.ts';

export type UserRow = Selectable<UserTable>;

export interface PrincipalRow extends UserRow {
  organisation_name: string;
}

const principalQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('users')
    .select('organisations.name as organisation_name');

export function findPrincipalByEmail(db: Kysely<DB>, email: string): Promise<PrincipalRow | undefined> {
  return principalQuery(db).where('users.email', '=', email).executeTakeFirst();
}

export function findPrincipalById(db: Kysely<DB>, id: string): Promise<PrincipalRow | undefined> {
  return principalQuery(db).where('users.id', '=', id).executeTakeFirst();
}

/** The caller of a cookie session, in one query (it runs on every request). */
export function findSessionPrincipal(db: Kysely<DB>, tokenHash: Uint8Array, now: Date) {
  return principalQuery(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select('sessions.csrf_token')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

/** The caller of a bearer token, in one query. */
export function findTokenPrincipal(db: Kysely<DB>, tokenHash: Uint8Array): Promise<PrincipalRow | undefined> {
  return principalQuery(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

export async function recentFailures(db: Kysely<DB>, column: 'email' | 'ip', value: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('ok', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listUsers(db: Kysely<DB>, organisationId?: string): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().orderBy('email');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.execute();
}
