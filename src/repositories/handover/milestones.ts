/** @module Queries on withdrawal milestones. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { HandoverMilestoneTable } from '../../db/schema/force.ts';

export type MilestoneRow = Selectable<HandoverMilestoneTable>;

export function listMilestones(db: Kysely<DB>): Promise<MilestoneRow[]> {
  return db.selectFrom('handover_milestones').selectAll().orderBy('at').orderBy('id').execute();
}

export function findMilestone(db: Kysely<DB>, id: string): Promise<MilestoneRow | undefined> {
  return db.selectFrom('handover_milestones').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMilestone(tx: Kysely<DB>, row: MilestoneRow): Promise<void> {
  await tx.insertInto('handover_milestones').values(row).execute();
}

/** The milestone, locked until the transaction ends. */
export function findMilestoneForUpdate(tx: Kysely<DB>, id: string): Promise<MilestoneRow | undefined> {
  return tx.selectFrom('handover_milestones').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateMilestoneTerms(
  tx: Kysely<DB>,
  id: string,
  change: Pick<MilestoneRow, 'at' | 'area' | 'condition' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('handover_milestones').set(change).where('id', '=', id).execute();
}

export async function setMilestoneReleasability(
  tx: Kysely<DB>,
  id: string,
  change: Pick<MilestoneRow, 'releasability' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('handover_milestones').set(change).where('id', '=', id).execute();
}

/** Which party withdraws from which sector (milestones with a party): whom a record concerns. */
export async function listSectorParties(db: Kysely<DB>): Promise<{ sector_id: string; party_id: string }[]> {
  const rows = await db
    .selectFrom('handover_milestones')
    .select(['sector_id', 'party_id'])
    .where('party_id', 'is not', null)
    .execute();
  return rows.map((m) => ({ sector_id: m.sector_id, party_id: m.party_id! }));
}
