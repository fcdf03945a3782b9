/**
 * @module What a record change puts in the log: its public fields and, for each restricted
 * field, a salted commitment. Writers (services/records.ts) build it and the sequencer reads
 * it, so it lives with the log rather than with either of them.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../tlog/index.ts';

export { canonicalJson, type JsonValue };

/** What the log keeps of a change, besides its position: public fields and commitments. */
export interface ChangePayload {
  public: Record<string, JsonValue>;
  commitments: Record<string, string>;
}

/**
 * Commitment to a restricted value: hex SHA-256(salt || RFC 8785 canonical JSON of the value). The
 * canonical JSON is the log's own (src/tlog), the one `truce audit` recomputes commitments with.
 */
export function commitment(salt: Uint8Array, value: JsonValue): string {
  return createHash('sha256').update(salt).update(canonicalJson(value), 'utf8').digest('hex');
}
