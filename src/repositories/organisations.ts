/** @module Queries on organisations and the mission. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, OrganisationTable } from '../db/schema.ts';

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
