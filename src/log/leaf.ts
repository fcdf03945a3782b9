/**
 * @module The leaf of a record change: RFC 8785 canonical JSON of what the log publishes.
 *   {v, kind, id, version, prev, at, org, user, op, public, commitments}
 * `prev` is the log index of the record's previous version (null for a first version), so a
 * record's history is a chain inside the log. Leaves stay under 64 KiB (C2SP entry limit).
 *
 * Two formats, because the log is append-only and what it published stays as it was:
 * - v1 (entries before the index recorded in `log_state.leaf_v2_from`): `user` is the acting
 *   account's id in clear.
 * - v2 (from that index on): `user` is a salted commitment (hex SHA-256 of salt || canonical
 *   JSON of the user id), so a monitor cannot be followed across incidents and areas; the
 *   organisation stays public. The salt is kept in `record_secrets` (field `@user`).
 * Once a v2 leaf appears, every later leaf is v2 (`checkFormatOrder`).
 */
import { canonicalJson, type JsonValue } from '../tlog/index.ts';

export const MAX_LEAF_BYTES = 65535;

/** The `record_secrets.field` under which the salt of a v2 leaf's actor commitment is kept. */
export const ACTOR_SECRET_FIELD = '@user';

export type LeafFormat = 1 | 2;

export interface LeafFields {
  kind: string;
  id: string;
  version: number;
  prev: number | null;
  at: string;
  org: string | null;
  /** v1: the acting user's id; v2: the commitment to it; null for changes made by the system. */
  user: string | null;
  op: string;
  public: Record<string, JsonValue>;
  commitments: Record<string, string>;
}

export interface Leaf extends LeafFields {
  v: LeafFormat;
}

/** The format of the leaf at `index`, given where v2 started (null: not yet, v1 everywhere). */
export function formatAt(index: number, v2From: number | null): LeafFormat {
  return v2From !== null && index >= v2From ? 2 : 1;
}

export function encodeLeaf(format: LeafFormat, fields: LeafFields): Uint8Array {
  if (format === 2 && fields.user !== null && !/^[0-9a-f]{64}$/.test(fields.user)) {
    // A bug that would put a user id in clear into the permanent log must stop here.
    throw new Error(`leaf v2 of ${fields.kind} ${fields.id}: user must be a commitment`);
  }
  const leaf: Leaf = { v: format, ...fields };
  const bytes = new TextEncoder().encode(canonicalJson(leaf as unknown as JsonValue));
  if (bytes.length > MAX_LEAF_BYTES) {
    throw new Error(
      `leaf of ${fields.kind} ${fields.id} is ${bytes.length} bytes; large content must be referenced by hash`,
    );
  }
  return bytes;
}

/** Parses a leaf; throws on anything that is not a v1 or v2 record-change leaf. */
export function decodeLeaf(bytes: Uint8Array): Leaf {
  const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<Leaf>;
  if (
    (value.v !== 1 && value.v !== 2) ||
    typeof value.kind !== 'string' ||
    typeof value.id !== 'string' ||
    typeof value.version !== 'number'
  ) {
    throw new Error('not a Truce record-change leaf');
  }
  if (value.v === 2 && value.user !== null && !(typeof value.user === 'string' && /^[0-9a-f]{64}$/.test(value.user))) {
    throw new Error('a v2 leaf whose user is not a commitment');
  }
  return value as Leaf;
}

/**
 * The format may only move forward: a v1 leaf after a v2 leaf means a writer published an
 * actor's id in clear after the switch. Returns the index of the first v2 leaf (or null) and
 * the first offending index (or null).
 */
export function checkFormatOrder(leaves: readonly (Leaf | undefined)[]): {
  v2From: number | null;
  backwardAt: number | null;
} {
  let v2From: number | null = null;
  for (const [i, leaf] of leaves.entries()) {
    if (!leaf) continue;
    if (leaf.v === 2 && v2From === null) v2From = i;
    if (leaf.v === 1 && v2From !== null) return { v2From, backwardAt: i };
  }
  return { v2From, backwardAt: null };
}
