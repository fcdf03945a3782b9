/** @module Queries on contributions. */
import type { Kysely, Selectable } from 'kysely';
import type { ContributionTable, DB } from '../db/schema.ts';

export type ContributionRow = Selectable<ContributionTable> & { organisation_name: string };

const base = (db: Kysely<DB>) =>
  db
    .selectFrom('contributions')
    .innerJoin('organisations', 'organisations.id', 'contributions.organisation_id')
    .selectAll('contributions')
    .select('organisations.name as organisation_name');

export function listContributions(db: Kysely<DB>): Promise<ContributionRow[]> {
  return base(db).orderBy('organisations.name').orderBy('contributions.created_at').execute();
}

export function findContribution(db: Kysely<DB>, id: string): Promise<ContributionRow | undefined> {
  return base(db).where('contributions.id', '=', id).executeTakeFirst();
}
