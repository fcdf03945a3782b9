/** @module Queries on sectors. The bounding box narrows in SQL; the exact test is src/domain/geo.ts. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SectorTable } from '../db/schema/geo.ts';
import { containsPoint, type Area } from '../domain/geo.ts';

export type SectorRow = Selectable<SectorTable>;

export function listSectors(db: Kysely<DB>): Promise<SectorRow[]> {
  return db.selectFrom('sectors').selectAll().orderBy('name').execute();
}

export function findSector(db: Kysely<DB>, id: string): Promise<SectorRow | undefined> {
  return db.selectFrom('sectors').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The sector containing the point, or undefined when it lies outside every sector (outside the mission area). */
export async function findSectorContaining(db: Kysely<DB>, lon: number, lat: number): Promise<SectorRow | undefined> {
  const candidates = await db
    .selectFrom('sectors')
    .selectAll()
    .where('min_lon', '<=', lon)
    .where('max_lon', '>=', lon)
    .where('min_lat', '<=', lat)
    .where('max_lat', '>=', lat)
    .orderBy('name')
    .execute();
  return candidates.find((s) => containsPoint(s.geometry as Area, [lon, lat]));
}

/** As sectorsNear, over sectors already loaded by listSectors (bulk import places thousands of points). */
export function sectorsNearIn(sectors: readonly SectorRow[], lon: number, lat: number, margin: number): SectorRow[] {
  return sectors.filter(
    (s) =>
      s.min_lon <= lon + margin && s.max_lon >= lon - margin && s.min_lat <= lat + margin && s.max_lat >= lat - margin,
  );
}

/**
 * Sectors whose bounding box comes within `margin` degrees of the point: the candidates for the
 * sector of a coarse cell (a margin a little over half the cell, so rounding never drops one).
 */
export function sectorsNear(db: Kysely<DB>, lon: number, lat: number, margin: number): Promise<SectorRow[]> {
  return db
    .selectFrom('sectors')
    .selectAll()
    .where('min_lon', '<=', lon + margin)
    .where('max_lon', '>=', lon - margin)
    .where('min_lat', '<=', lat + margin)
    .where('max_lat', '>=', lat - margin)
    .orderBy('name')
    .execute();
}

/** True when a sector has this name. */
export async function sectorNameTaken(db: Kysely<DB>, name: string): Promise<boolean> {
  return (await db.selectFrom('sectors').select('id').where('name', '=', name).executeTakeFirst()) !== undefined;
}

/** Stores a sector (its geometry as JSON text). */
export async function insertSectorRow(tx: Kysely<DB>, row: SectorRow): Promise<void> {
  await tx
    .insertInto('sectors')
    .values({ ...row, geometry: JSON.stringify(row.geometry) })
    .execute();
}

/** Every sector's id and name, by name. */
export function listSectorNames(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('sectors').select(['id', 'name']).orderBy('name').execute();
}

/** A sector's name, if it exists. */
export async function sectorName(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('sectors').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
