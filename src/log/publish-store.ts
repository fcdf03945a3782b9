/**
 * @module The publisher's storage: the signed head it reads, the quorum-cosigned checkpoint it
 * publishes (`log_published`) and the size each witness last cosigned (`log_witnesses`). Both
 * rows only grow: a write that would lower them changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The log's size and signed checkpoint. */
export function readSignedHead(db: Kysely<DB>): Promise<{ size: number; checkpoint: string }> {
  return db.selectFrom('log_state').select(['size', 'checkpoint']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** The log's size and signed head, or undefined before the log's first start. */
export function readSignedHeadIfAny(db: Kysely<DB>): Promise<{ size: number; checkpoint: string } | undefined> {
  return db.selectFrom('log_state').select(['size', 'checkpoint']).where('id', '=', 1).executeTakeFirst();
}

/** The size of the published (quorum-cosigned) checkpoint, if one was published. */
export async function publishedSize(db: Kysely<DB>): Promise<number | undefined> {
  return (await db.selectFrom('log_published').select(['size']).where('id', '=', 1).executeTakeFirst())?.size;
}

/** Publishes the cosigned checkpoint of `size`, unless a larger one is published already. */
export async function raisePublished(db: Kysely<DB>, size: number, note: string, at: Date): Promise<void> {
  await sql`
      insert into log_published (id, size, checkpoint, updated_at) values (1, ${size}, ${note}, ${at})
      on conflict (id) do update set size = excluded.size, checkpoint = excluded.checkpoint, updated_at = excluded.updated_at
      where log_published.size < excluded.size`.execute(db);
}

/** The size this witness last cosigned, if it ever did. */
export async function witnessedSize(db: Kysely<DB>, cosignerKey: string): Promise<number | undefined> {
  return (
    await db.selectFrom('log_witnesses').select(['size']).where('cosigner_key', '=', cosignerKey).executeTakeFirst()
  )?.size;
}

/** Remembers that the witness cosigned `size`, unless it cosigned a larger one already. */
export async function raiseWitnessedSize(db: Kysely<DB>, cosignerKey: string, size: number, at: Date): Promise<void> {
  await sql`
      insert into log_witnesses (cosigner_key, size, updated_at) values (${cosignerKey}, ${size}, ${at})
      on conflict (cosigner_key) do update set size = excluded.size, updated_at = excluded.updated_at
      where log_witnesses.size < excluded.size`.execute(db);
}
