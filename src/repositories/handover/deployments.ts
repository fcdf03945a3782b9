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

export async function insertDeployment(tx: Kysely<DB>, row: DeploymentRow): Promise<void> {
  await tx.insertInto('deployments').values(row).execute();
}

/** The deployment, locked until the transaction ends. */
export function findDeploymentForUpdate(tx: Kysely<DB>, id: string): Promise<DeploymentRow | undefined> {
  return tx.selectFrom('deployments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateDeploymentPlan(
  tx: Kysely<DB>,
  id: string,
  change: Pick<DeploymentRow, 'from_date' | 'to_date' | 'strength' | 'note' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('deployments').set(change).where('id', '=', id).execute();
}

export async function setDeploymentReleasability(
  tx: Kysely<DB>,
  id: string,
  change: Pick<DeploymentRow, 'releasability' | 'detail_releasability' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('deployments').set(change).where('id', '=', id).execute();
}

/** Which contribution is deployed to which sector: whom a record concerns (releasability). */
export function listDeploymentSectors(db: Kysely<DB>): Promise<{ contribution_id: string; sector_id: string }[]> {
  return db.selectFrom('deployments').select(['contribution_id', 'sector_id']).execute();
}
