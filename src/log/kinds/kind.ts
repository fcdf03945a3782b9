/**
 * @module A record kind as `truce audit` sees it: how to read every row of that kind from the
 * database as the public fields its leaves carry. Each capability lists its kinds in this folder.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RecordView } from '../records-check.ts';
import type { ApiClient } from '../../contract/client.ts';

export interface AuditedKind {
  kind: string;
  /** Every record of this kind, with the version and public fields its latest leaf must carry. */
  load(db: Kysely<DB>): Promise<RecordView[]>;
}

/** How `truce verify` reads records of a kind through the API, as the account sees them. */
export type ApiRecords = (client: ApiClient) => Promise<RecordView[]>;
