/** @module Queries on control-line versions. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ControlLineVersionTable } from '../db/schema/geo.ts';

export type ControlLineRow = Selectable<ControlLineVersionTable>;

/** Every version of every line, oldest first. */
export function listControlLineVersions(db: Kysely<DB>): Promise<ControlLineRow[]> {
  return db.selectFrom('control_line_versions').selectAll().orderBy('valid_from').orderBy('line_id').orderBy('version').execute();
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
  return db.selectFrom('control_line_versions').selectAll().where('line_id', '=', lineId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}
