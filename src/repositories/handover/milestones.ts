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
