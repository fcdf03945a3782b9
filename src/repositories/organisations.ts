/** @module Queries on organisations and the mission. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, MissionTable, OrganisationTable } from '../db/schema.ts';

export type OrganisationRow = Selectable<OrganisationTable>;

export function listOrganisations(db: Kysely<DB>): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}

/** Finds by id (when the key looks like a UUID) or by exact name. */
export function findOrganisation(db: Kysely<DB>, idOrName: string): Promise<OrganisationRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  return db
    .selectFrom('organisations')
    .selectAll()
    .where(isUuid ? 'id' : 'name', '=', idOrName)
    .executeTakeFirst();
}

export function getMission(db: Kysely<DB>) {
  return db.selectFrom('missions').selectAll().orderBy('created_at').executeTakeFirst();
}

export async function insertOrganisation(tx: Kysely<DB>, row: OrganisationRow): Promise<void> {
  await tx.insertInto('organisations').values(row).execute();
}

/** When the mission was created (the first mission row), if there is one. */
export async function missionCreatedAt(db: Kysely<DB>): Promise<Date | string | undefined> {
  const mission = await db
    .selectFrom('missions')
    .select('created_at')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return mission?.created_at;
}

/** True when an organisation has this id. */
export async function organisationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  const org = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
  return org !== undefined;
}

/** The ids among `ids` that are organisations. */
export async function existingOrganisationIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((o) => o.id));
}

/** An organisation's name (it must exist). */
export async function organisationName(db: Kysely<DB>, id: string): Promise<string> {
  const org = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow();
  return org.name;
}

export async function insertMission(tx: Kysely<DB>, row: Selectable<MissionTable>): Promise<void> {
  await tx.insertInto('missions').values(row).execute();
}
