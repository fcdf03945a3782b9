/** @module Queries on contributions. */
import type { Kysely, Selectable } from 'kysely';
import type { ContributionTable, DB } from '../db/schema.ts';
import type { ReleaseLevel } from '../contract/enums.ts';

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

export async function insertContribution(tx: Kysely<DB>, row: Selectable<ContributionTable>): Promise<void> {
  await tx.insertInto('contributions').values(row).execute();
}

/** The contribution's own row (no organisation name), locked until the transaction ends. */
export function findContributionForUpdate(
  tx: Kysely<DB>,
  id: string,
): Promise<Selectable<ContributionTable> | undefined> {
  return tx.selectFrom('contributions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateContributionStatus(
  tx: Kysely<DB>,
  id: string,
  change: Pick<Selectable<ContributionTable>, 'status' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('contributions').set(change).where('id', '=', id).execute();
}

export async function setContributionReleasability(
  tx: Kysely<DB>,
  id: string,
  change: { releasability: ReleaseLevel; detail_releasability: ReleaseLevel; version: number; updated_at: Date },
): Promise<void> {
  await tx.updateTable('contributions').set(change).where('id', '=', id).execute();
}

/** Who contributes what: whom a record concerns (releasability). */
export function listContributionOwners(db: Kysely<DB>): Promise<{ id: string; organisation_id: string }[]> {
  return db.selectFrom('contributions').select(['id', 'organisation_id']).execute();
}

/** The columns the gap analysis and the handover check read, of every contribution. */
export function listPlanContributions(db: Kysely<DB>) {
  return db
    .selectFrom('contributions')
    .select([
      'id',
      'organisation_id',
      'kind',
      'capability',
      'quantity',
      'unit',
      'currency',
      'status',
      'created_at',
      'releasability',
      'detail_releasability',
    ])
    .execute();
}
