/** @module Whole-table reads for `truce audit`, which compares every row with its latest leaf. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Every row of the table, in no particular order. */
export function allRows<T extends keyof DB>(db: Kysely<DB>, table: T): Promise<Selectable<DB[T]>[]> {
  // Kysely cannot name the selection of a table given as a type parameter; for one table it is exactly its Selectable.
  return db.selectFrom(table).selectAll().execute() as Promise<Selectable<DB[T]>[]>;
}
