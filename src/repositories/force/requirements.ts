/** @module Queries on the mandate's requirements. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SectorRequirementTable } from '../../db/schema/force.ts';

export type RequirementRow = Selectable<SectorRequirementTable>;

export function listRequirements(db: Kysely<DB>): Promise<RequirementRow[]> {
  return db
    .selectFrom('sector_requirements')
    .selectAll()
    .orderBy('needed_by')
    .orderBy('task')
    .orderBy('capability')
    .orderBy('id')
    .execute();
}

export async function insertRequirement(tx: Kysely<DB>, row: RequirementRow): Promise<void> {
  await tx.insertInto('sector_requirements').values(row).execute();
}

/** The requirement, locked until the transaction ends. */
export function findRequirementForUpdate(tx: Kysely<DB>, id: string): Promise<RequirementRow | undefined> {
  return tx.selectFrom('sector_requirements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setRequirementReleasability(
  tx: Kysely<DB>,
  id: string,
  change: Pick<RequirementRow, 'releasability' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('sector_requirements').set(change).where('id', '=', id).execute();
}
