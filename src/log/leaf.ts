/**
 * @module The leaf of a record change: RFC 8785 canonical JSON of what the log publishes.
 * Format version 1:
 *   {v, kind, id, version, prev, at, org, user, op, public, commitments}
 * `prev` is the log index of the record's previous version (null for a first version), so a
 * record's history is a chain inside the log. Leaves stay under 64 KiB (C2SP entry limit).
 */
import { canonicalJson, type JsonValue } from '../tlog/index.ts';

export const MAX_LEAF_BYTES = 65535;

export interface LeafFields {
  kind: string;
  id: string;
  version: number;
  prev: number | null;
  at: string;
  org: string | null;
  user: string | null;
  op: string;
  public: Record<string, JsonValue>;
  commitments: Record<string, string>;
}

export interface Leaf extends LeafFields {
  v: 1;
}

export function encodeLeaf(fields: LeafFields): Uint8Array {
  const leaf: Leaf = { v: 1, ...fields };
  const bytes = new TextEncoder().encode(canonicalJson(leaf as unknown as JsonValue));
  if (bytes.length > MAX_LEAF_BYTES) {
    throw new Error(`leaf of ${fields.kind} ${fields.id} is ${bytes.length} bytes; large content must be referenced by hash`);
  }
  return bytes;
}

/** Parses a leaf; throws on anything that is not a version-1 record-change leaf. */
export function decodeLeaf(bytes: Uint8Array): Leaf {
  const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<Leaf>;
  if (value.v !== 1 || typeof value.kind !== 'string' || typeof value.id !== 'string' || typeof value.version !== 'number') {
    throw new Error('not a Truce record-change leaf');
  }
  return value as Leaf;
}
