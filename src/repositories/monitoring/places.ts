/** @module Queries on the gazetteer (migration 020). */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PlaceTable } from '../../db/schema/monitoring.ts';

export type PlaceRow = Selectable<PlaceTable>;

/** Every place: a mission's gazetteer is hundreds of names, searched in memory (services/monitoring/places.ts). */
export function listPlaces(db: Kysely<DB>): Promise<PlaceRow[]> {
  return db.selectFrom('places').selectAll().orderBy('id').execute();
}

export function findPlace(db: Kysely<DB>, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockPlace(tx: Kysely<DB>, id: string): Promise<PlaceRow | undefined> {
  return tx.selectFrom('places').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function placesByIds(db: Kysely<DB>, ids: readonly (string | null)[]): Promise<Map<string, PlaceRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('places').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((p) => [p.id, p]));
}

const stored = (p: PlaceRow) => ({ ...p, names: JSON.stringify(p.names), alternates: JSON.stringify(p.alternates) });

export async function insertPlaceRow(tx: Kysely<DB>, row: PlaceRow): Promise<void> {
  await tx.insertInto('places').values(stored(row)).execute();
}

export async function savePlaceRow(tx: Kysely<DB>, row: PlaceRow): Promise<void> {
  const { id, created_at: _created, ...rest } = stored(row);
  await tx.updateTable('places').set(rest).where('id', '=', id).execute();
}

/** Whether any report names the place (it may then not be deleted: reports keep their place). */
export async function placeInUse(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where((eb) => eb.or([eb('place_id', '=', id), eb('coarse_place_id', '=', id)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deletePlaceRow(tx: Kysely<DB>, id: string): Promise<void> {
  await tx.deleteFrom('places').where('id', '=', id).execute();
}
