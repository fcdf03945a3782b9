/** @module Queries on deployments (which unit holds which sector, from when, at what strength). */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DeploymentTable } from '../../db/schema/force.ts';

export type DeploymentRow = Selectable<DeploymentTable>;

export function listDeployments(db: Kysely<DB>): Promise<DeploymentRow[]> {
  return db.selectFrom('deployments').selectAll().orderBy('from_date').orderBy('id').execute();
}

export function findDeployment(db: Kysely<DB>, id: string): Promise<DeploymentRow | undefined> {
  return db.selectFrom('deployments').selectAll().where('id', '=', id).executeTakeFirst();
}
