/** @module Queries on control-line versions. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ControlLineVersionTable } from '../db/schema/geo.ts';

export type ControlLineRow = Selectable<ControlLineVersionTable>;

/** Every version of every line, oldest first. */
export function listControlLineVersions(db: Kysely<DB>): Promise<ControlLineRow[]> {
  return db
    .selectFrom('control_line_versions')
    .selectAll()
    .orderBy('valid_from')
    .orderBy('line_id')
    .orderBy('version')
    .execute();
}

/** The versions valid at `at` (one per line). */
export function controlLinesAt(db: Kysely<DB>, at: Date): Promise<ControlLineRow[]> {
  return db
    .selectFrom('control_line_versions')
    .selectAll()
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .orderBy('name')
    .execute();
}

/** The (first, by name) control line valid at `at`: the demo has one, the yellow line. */
export async function controlLineAt(db: Kysely<DB>, at: Date): Promise<ControlLineRow | undefined> {
  return (await controlLinesAt(db, at))[0];
}

export function latestVersionOf(db: Kysely<DB>, lineId: string): Promise<ControlLineRow | undefined> {
  return db
    .selectFrom('control_line_versions')
    .selectAll()
    .where('line_id', '=', lineId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Ends a version where the next one starts. */
export async function closeControlLineVersion(
  tx: Kysely<DB>,
  id: string,
  validTo: Date,
  rowVersion: number,
): Promise<void> {
  await tx
    .updateTable('control_line_versions')
    .set({ valid_to: validTo, row_version: rowVersion })
    .where('id', '=', id)
    .execute();
}

/** Stores a version (its geometries as JSON text). */
export async function insertControlLineRow(tx: Kysely<DB>, row: ControlLineRow): Promise<void> {
  await tx
    .insertInto('control_line_versions')
    .values({
      ...row,
      geometry: JSON.stringify(row.geometry),
      held_area: row.held_area === null ? null : JSON.stringify(row.held_area),
    })
    .execute();
}

export function findControlLineVersion(db: Kysely<DB>, id: string): Promise<ControlLineRow | undefined> {
  return db.selectFrom('control_line_versions').selectAll().where('id', '=', id).executeTakeFirst();
}
