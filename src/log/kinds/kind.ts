/**
 * @module A record kind as `truce audit` sees it: how to read every row of that kind from the
 * database as the public fields its leaves carry. Each capability lists its kinds in this folder.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RecordView } from '../records-check.ts';
import { ApiError, type ApiClient } from '../../contract/client.ts';
import type { JsonValue } from '../../tlog/index.ts';

export interface AuditedKind {
  kind: string;
  /** Every record of this kind, with the version and public fields its latest leaf must carry. */
  load(db: Kysely<DB>): Promise<RecordView[]>;
}

/** How `truce verify` reads records of a kind through the API, as the account sees them. */
export type ApiRecords = (client: ApiClient) => Promise<RecordView[]>;

/**
 * Runs `read`; a 403 (this role may not read these records) gives nothing to check. Any other
 * failure (a 500, a network error) is thrown: a verifier must never turn an error into silence.
 */
export async function ifAllowed<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return [];
    throw err;
  }
}

/** The restricted values a reader was given openings for, with those openings. */
export function opened(
  values: Record<string, JsonValue>,
  openings: Record<string, string> | undefined,
): Pick<RecordView, 'restricted' | 'salts'> {
  if (!openings) return {};
  const restricted = Object.fromEntries(Object.entries(values).filter(([field]) => openings[field] !== undefined));
  return { restricted, salts: openings };
}
