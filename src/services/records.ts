/**
 * @module Every change of every record goes through `appendChange`, inside the same
 * transaction as the change itself. The row it writes is both the audit trail and the outbox
 * the transparency-log sequencer drains, so a committed change can never be missing from the
 * log. Restricted fields are stored apart, and only their salted SHA-256 commitments enter the
 * (public) log.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../domain/policy.ts';
import { MAX_LEAF_BYTES } from '../log/leaf.ts';
import type { RecordKind } from '../log/kinds/index.ts';
import { commitment, type ChangePayload, type JsonValue } from '../log/change-payload.ts';
import { insertRecordChange } from '../repositories/record-changes.ts';
import { insertRecordSecrets } from '../repositories/record-secrets.ts';
import { ServiceError } from './errors.ts';

export { canonicalJson, commitment, type ChangePayload, type JsonValue } from '../log/change-payload.ts';

/** Room left in a leaf for everything but the public fields and commitments. */
const LEAF_ENVELOPE_BYTES = 1024;

export type { RecordKind } from '../log/kinds/index.ts';

export type ChangeOp = 'create' | 'update' | 'transition' | 'approve' | 'merge' | 'split' | 'delete' | 'permission';

export interface ChangeInput {
  kind: RecordKind;
  id: string;
  version: number;
  op: ChangeOp;
  at: Date;
  /** null for changes made by the system itself (migrations, the demo seed). */
  actor: Actor | null;
  public: Record<string, JsonValue>;
  restricted?: Record<string, JsonValue>;
}

/** A change ready to insert: its record_changes row (without the id) and its secrets. */
export interface BuiltChange {
  row: {
    record_kind: string;
    record_id: string;
    version: number;
    op: ChangeOp;
    actor_org_id: string | null;
    actor_user_id: string | null;
    at: Date;
    payload: string;
  };
  secrets: { field: string; salt: Buffer; value: JsonValue }[];
}

/**
 * Salts and commits the restricted fields and builds the row, refusing a change too large for
 * one leaf. Pure apart from the random salts: bulk import stages what this returns.
 */
export function buildChange(change: ChangeInput): BuiltChange {
  const secrets = Object.entries(change.restricted ?? {}).map(([field, value]) => {
    const salt = randomBytes(16);
    return { field, salt, value, commitment: commitment(salt, value) };
  });
  const payload: ChangePayload = {
    public: change.public,
    commitments: Object.fromEntries(secrets.map((s) => [s.field, s.commitment])),
  };
  // Refuse here, inside the writer's transaction, rather than let the sequencer meet a leaf it
  // cannot log after commit. The envelope (ids, times, kind, op) stays well under the margin.
  const payloadText = JSON.stringify(payload);
  if (Buffer.byteLength(payloadText) > MAX_LEAF_BYTES - LEAF_ENVELOPE_BYTES) {
    throw new ServiceError(
      413,
      'Content Too Large',
      `this ${change.kind} is too large for one log entry (64 KiB); large content must be referenced by its SHA-256`,
    );
  }
  return {
    row: {
      record_kind: change.kind,
      record_id: change.id,
      version: change.version,
      op: change.op,
      actor_org_id: change.actor?.organisationId ?? null,
      actor_user_id: change.actor?.userId ?? null,
      at: change.at,
      payload: payloadText,
    },
    secrets: secrets.map(({ field, salt, value }) => ({ field, salt, value })),
  };
}

/** Appends one change inside the caller's transaction; returns the change id (outbox key). */
export async function appendChange(tx: Kysely<DB>, change: ChangeInput): Promise<number> {
  const built = buildChange(change);
  const changeId = await insertRecordChange(tx, built.row);
  await insertRecordSecrets(
    tx,
    built.secrets.map((s) => ({ change_id: changeId, field: s.field, salt: s.salt, value: JSON.stringify(s.value) })),
  );
  return changeId;
}
