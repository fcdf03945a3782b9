/** @module The provisions a ruling may cite, as monitoring names them (reference and title): the one read of the compliance table from monitoring. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function provisionLabels(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('provisions').select(['id', 'reference', 'title']).execute();
  return new Map(rows.map((p) => [p.id, `${p.reference} ${p.title}`]));
}
