/**
 * @module What a record change puts in the log: its public fields and, for each restricted
 * field, a salted commitment. Writers (services/records.ts) build it and the sequencer reads
 * it, so it lives with the log rather than with either of them.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What the log keeps of a change, besides its position: public fields and commitments. */
export interface ChangePayload {
  public: Record<string, JsonValue>;
  commitments: Record<string, string>;
}

/** RFC 8785 canonical JSON text of a value. */
export function canonicalJson(value: JsonValue): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

/** Commitment to a restricted value: hex SHA-256(salt || canonical JSON of the value). */
export function commitment(salt: Uint8Array, value: JsonValue): string {
  return createHash('sha256').update(salt).update(canonicalJson(value), 'utf8').digest('hex');
}
