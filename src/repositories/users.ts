/** @module Queries on users, sessions and tokens. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, UserTable } from '../db/schema.ts';
import type { OrgKind } from '../contract/enums.ts';

export type UserRow = Selectable<UserTable>;

export interface PrincipalRow extends UserRow {
  organisation_name: string;
  /** The account's organisation, then each one above it (what the policy's conditions read). */
  organisation_chain: { id: string; kind: OrgKind }[];
}

/** Deeper than any real hierarchy; bounds the walk if bad data ever made a cycle (the policy then trusts nothing). */
const MAX_CHAIN = 16;

/**
 * The account's organisation chain, nearest first, in the same query as the account (it runs
 * on every request). json_agg gives null for no row, which cannot happen: the join found the organisation.
 */
const organisationChain = sql<{ id: string; kind: OrgKind }[]>`(
  with recursive chain(id, kind, parent_id, depth) as (
    select o.id, o.kind, o.parent_id, 0 from organisations o where o.id = users.organisation_id
    union all
    select p.id, p.kind, p.parent_id, chain.depth + 1
    from organisations p join chain on p.id = chain.parent_id
    where chain.depth < ${MAX_CHAIN}
  )
  select json_agg(json_build_object('id', chain.id, 'kind', chain.kind) order by chain.depth) from chain
)`;

const principalQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('users')
    .select('organisations.name as organisation_name')
    .select(organisationChain.as('organisation_chain'));

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

export async function insertUser(tx: Kysely<DB>, row: UserRow): Promise<void> {
  await tx.insertInto('users').values(row).execute();
}

/** The account's row, locked until the transaction ends. */
export function findUserForUpdate(tx: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateUserAccess(
  tx: Kysely<DB>,
  id: string,
  change: Pick<UserRow, 'role' | 'disabled' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('users').set(change).where('id', '=', id).execute();
}

/** The account's organisation, if the account exists. */
export async function organisationOfUser(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('organisation_id').where('id', '=', id).executeTakeFirst())
    ?.organisation_id;
}
