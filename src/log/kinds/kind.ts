/**
 * @module One record kind, defined once: what of a record its log entries publish in clear,
 * what enters only as salted commitments, and how `truce audit` reads every record of the kind
 * from the database. Writers (services, the demo) and the audit use the same definition, so
 * what is written and what is checked can never drift apart. Each capability defines its kinds
 * in this folder; `RecordKind` is the union of their names (./index.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RecordView } from '../records-check.ts';
import { ApiError, type ApiClient } from '../../contract/client.ts';
import type { JsonValue } from '../../tlog/index.ts';

/** Named values of a record as its log entry carries them. */
export type Fields = Record<string, JsonValue>;

/** How `truce audit` reads the kind: every row, and the version of each (default: its `version` column). */
export interface AuditReader<Row> {
  rows(db: Kysely<DB>): Promise<readonly Row[]>;
  version?(row: Row): number;
}

export interface RecordKindInput<K extends string, Row> {
  kind: K;
  /** Published in clear: fit for every reader of the public log, at the strictest level the record may ever have. */
  public(row: Row): Fields;
  /** Committed, never published (salted SHA-256 per field); absent when nothing of the kind is restricted. */
  restricted?(row: Row): Fields | undefined;
  /** Absent for a kind `truce audit` does not compare with the database (the kind says why). */
  audit?: AuditReader<Row>;
}

export interface RecordKindDefinition<K extends string = string, Row = never> {
  readonly kind: K;
  readonly public: (row: Row) => Fields;
  readonly restricted: (row: Row) => Fields | undefined;
  /** Both parts of a change of this record, as `record()` takes them. */
  readonly fields: (row: Row) => { public: Fields; restricted: Fields | undefined };
  /** Every record of this kind, with the version and fields its latest leaf must carry; null: not audited. */
  readonly load: ((db: Kysely<DB>) => Promise<RecordView[]>) | null;
}

/** Any kind, whatever its row: what lists of kinds hold. */
export type AnyRecordKind = RecordKindDefinition<string, never>;

export function defineRecordKind<const K extends string, Row extends { id: string }>(
  input: RecordKindInput<K, Row>,
): RecordKindDefinition<K, Row> {
  const restricted = (row: Row): Fields | undefined => input.restricted?.(row);
  const audit = input.audit;
  return {
    kind: input.kind,
    public: (row) => input.public(row),
    restricted,
    fields: (row) => ({ public: input.public(row), restricted: restricted(row) }),
    load: audit
      ? async (db) =>
          (await audit.rows(db)).map((row) => {
            const secret = restricted(row);
            return {
              kind: input.kind,
              id: row.id,
              version: audit.version ? audit.version(row) : versionOf(row),
              fields: input.public(row),
              ...(secret === undefined ? {} : { restricted: secret }),
            };
          })
      : null,
  };
}

function versionOf(row: { id: string }): number {
  const version = (row as { version?: unknown }).version;
  if (typeof version !== 'number') throw new Error(`record ${row.id} has no version column: give audit.version`);
  return version;
}

/** How `truce verify` reads records of a capability through the API, as the account sees them. */
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
