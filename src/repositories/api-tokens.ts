/** @module Queries on API tokens (their secrets are stored only as SHA-256). */
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, DB } from '../db/schema.ts';

export type ApiTokenRow = Selectable<ApiTokenTable>;

/** Newest first; every account's when `userId` is undefined. */
export function listApiTokens(db: Kysely<DB>, userId: string | undefined): Promise<ApiTokenRow[]> {
  let q = db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  return q.execute();
}

export function findApiTokenForUpdate(tx: Kysely<DB>, id: string): Promise<ApiTokenRow | undefined> {
  return tx.selectFrom('api_tokens').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Tokens the account created since `since` (the creation rate limit). */
export async function tokensCreatedSince(
  tx: Kysely<DB>,
  userId: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await tx
    .selectFrom('api_tokens')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest) : null };
}

/** Locks the account's row, so two token creations by one account are counted one after the other. */
export async function lockUser(tx: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await tx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function insertApiToken(tx: Kysely<DB>, row: ApiTokenRow): Promise<void> {
  await tx.insertInto('api_tokens').values(row).execute();
}

export async function revokeApiToken(
  tx: Kysely<DB>,
  id: string,
  change: Pick<ApiTokenRow, 'revoked_at' | 'revoked_by' | 'version'>,
): Promise<void> {
  await tx.updateTable('api_tokens').set(change).where('id', '=', id).execute();
}
