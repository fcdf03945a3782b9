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

export async function findSession(db: Kysely<DB>, tokenHash: Uint8Array, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function findTokenUser(db: Kysely<DB>, tokenHash: Uint8Array): Promise<string | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.user_id;
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
