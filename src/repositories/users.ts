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

/** The caller of a live bearer token (not revoked, not expired), in one query. */
export function findTokenPrincipal(db: Kysely<DB>, tokenHash: Uint8Array, now: Date) {
  return principalQuery(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

/** Sets a token's last-used time unless another request did within the resolution. */
export async function markTokenUsed(db: Kysely<DB>, tokenId: string, now: Date, notSince: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', tokenId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notSince)]))
    .execute();
}

export function listUsers(db: Kysely<DB>, organisationId?: string): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().orderBy('email');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.execute();
}
