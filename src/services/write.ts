/**
 * @module The one way services write: a short transaction that changes records and appends
 * their changes, then (after commit) waits for the log to sequence them. A failure anywhere
 * inside rolls everything back, so a rejected request changes nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from './deps.ts';
import { appendChange, type ChangeInput } from './records.ts';

export type RecordFn = (change: ChangeInput) => Promise<number>;

export interface Written<T> {
  value: T;
  /** Log index of the last change the write appended (the record the caller asked about). */
  logIndex: number | null;
}

export async function writeWithLog<T>(
  deps: Deps,
  work: (tx: Kysely<DB>, record: RecordFn) => Promise<T>,
): Promise<Written<T>> {
  const changeIds: number[] = [];
  const value = await deps.db.transaction().execute(async (tx) => {
    const record: RecordFn = async (change) => {
      const id = await appendChange(tx, change);
      changeIds.push(id);
      return id;
    };
    return work(tx, record);
  });
  if (changeIds.length === 0) return { value, logIndex: null };
  const indexes = await deps.log.indexesOf(changeIds);
  return { value, logIndex: indexes[indexes.length - 1] ?? null };
}
