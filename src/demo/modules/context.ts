/**
 * @module What each capability's demo loader receives: the open transaction, the change
 * recorder, the clock's "now", and the ids the core scenario created (by name or email).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RecordFn } from '../../services/write.ts';

export interface DemoContext {
  tx: Kysely<DB>;
  record: RecordFn;
  now: Date;
  missionId: string;
  /** Organisation id by the scenario's organisation name. */
  orgIds: ReadonlyMap<string, string>;
  /** User id by the scenario's e-mail address. */
  userIds: ReadonlyMap<string, string>;
  /** Contribution ids in the order of DEMO_CONTRIBUTIONS. */
  contributionIds: readonly string[];
}
