/** @module Queries on sessions and the sign-in event trail (session secrets are stored only as SHA-256). */
import type { Insertable, Kysely } from 'kysely';
import type { DB, SessionTable, SignInEventTable } from '../db/schema.ts';

export async function insertSession(db: Kysely<DB>, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSessionByTokenHash(db: Kysely<DB>, tokenHash: Uint8Array): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of the account (it was disabled). */
export async function deleteSessionsOf(tx: Kysely<DB>, userId: string): Promise<void> {
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function insertSignInEvent(db: Kysely<DB>, row: Insertable<SignInEventTable>): Promise<void> {
  await db.insertInto('sign_in_events').values(row).execute();
}
