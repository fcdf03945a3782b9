/** @module Writes to the compliance tables (reads are in ./provisions.ts), each inside the caller's transaction. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AgreementEventRow, AssessmentRow, DeliveryRow, DisputeRow, ProvisionRow } from './provisions.ts';

/** Stores a provision (its parties as JSON text). */
export async function insertProvision(tx: Kysely<DB>, row: ProvisionRow): Promise<void> {
  await tx
    .insertInto('provisions')
    .values({ ...row, party_ids: JSON.stringify(row.party_ids) })
    .execute();
}

/** Stores a delivery (its restricted persons as JSON text). */
export async function insertDelivery(tx: Kysely<DB>, row: DeliveryRow): Promise<void> {
  await tx
    .insertInto('provision_deliveries')
    .values({ ...row, persons: row.persons === null ? null : JSON.stringify(row.persons) })
    .execute();
}

export async function insertAssessment(tx: Kysely<DB>, row: AssessmentRow): Promise<void> {
  await tx.insertInto('provision_assessments').values(row).execute();
}

/** True when an agreement event has this key. */
export async function agreementEventKeyTaken(tx: Kysely<DB>, key: string): Promise<boolean> {
  return (await tx.selectFrom('agreement_events').select('id').where('key', '=', key).executeTakeFirst()) !== undefined;
}

/** Stores an agreement event; the unique key refuses a duplicate (the caller names that case). */
export async function insertAgreementEvent(tx: Kysely<DB>, row: AgreementEventRow): Promise<void> {
  await tx.insertInto('agreement_events').values(row).execute();
}

/** The agreement event, locked until the transaction ends. */
export function findAgreementEventForUpdate(tx: Kysely<DB>, id: string): Promise<AgreementEventRow | undefined> {
  return tx.selectFrom('agreement_events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateAgreementEventDate(
  tx: Kysely<DB>,
  id: string,
  change: Pick<AgreementEventRow, 'occurred_at' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('agreement_events').set(change).where('id', '=', id).execute();
}

/** True when the organisation has an open dispute of the provision. */
export async function hasOpenDispute(tx: Kysely<DB>, provisionId: string, organisationId: string): Promise<boolean> {
  const open = await tx
    .selectFrom('provision_disputes')
    .select('id')
    .where('provision_id', '=', provisionId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return open !== undefined;
}

/** Stores a dispute; the partial unique index refuses a second open one (the caller names that case). */
export async function insertDispute(tx: Kysely<DB>, row: DisputeRow): Promise<void> {
  await tx.insertInto('provision_disputes').values(row).execute();
}

/** The dispute, locked until the transaction ends. */
export function findDisputeForUpdate(tx: Kysely<DB>, id: string): Promise<DisputeRow | undefined> {
  return tx.selectFrom('provision_disputes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function resolveDisputeRow(
  tx: Kysely<DB>,
  id: string,
  change: Pick<DisputeRow, 'status' | 'resolution' | 'resolved_by' | 'resolved_at' | 'version'>,
): Promise<void> {
  await tx.updateTable('provision_disputes').set(change).where('id', '=', id).execute();
}

/** True when a provision has this id. */
export async function provisionExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('provisions').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function agreementEventExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('agreement_events').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
