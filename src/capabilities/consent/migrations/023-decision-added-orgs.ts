/**
 * @module Organisations a proposer asked beyond the kind's rule, kept apart on each decision
 * (issue 12, review): they never count toward the rule's quorum, and each must consent too.
 * `required_org_ids` still lists everyone asked (who may answer); this says which were added.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table decisions add column added_org_ids jsonb not null default '[]'::jsonb`.execute(db);
}
