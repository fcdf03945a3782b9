/** @module Queries on the mandate's requirements. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SectorRequirementTable } from '../../db/schema/force.ts';

export type RequirementRow = Selectable<SectorRequirementTable>;

export function listRequirements(db: Kysely<DB>): Promise<RequirementRow[]> {
  return db.selectFrom('sector_requirements').selectAll().orderBy('needed_by').orderBy('task').orderBy('capability').orderBy('id').execute();
}
