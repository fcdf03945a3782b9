/**
 * The single error type of the tlog module.
 *
 * Convention used everywhere in `src/tlog`: predicates named `verify*` return a
 * boolean and never throw on malformed untrusted input (a bad proof is an
 * expected outcome, not an exception). Every other function (parse*, open*,
 * format*, sign*, proof generation, tile maths) throws a {@link TlogError}
 * whose `code` lets callers map failures to HTTP statuses without matching on
 * message text.
 *
 * @module
 */

/** Machine-readable reason of a {@link TlogError}. */
export type TlogErrorCode =
  /** Input text or bytes do not follow the format's grammar. */
  | 'malformed'
  /** A caller-supplied argument is out of its allowed range (programming error). */
  | 'invalid-argument'
  /** No signature from a trusted key was found on a note. */
  | 'unverified'
  /** A signature from a trusted key did not verify. */
  | 'bad-signature'
  /** A Merkle proof or tile did not match the expected hash. */
  | 'proof-failed'
  /** The platform primitive this needs is not installed (see crypto.ts). */
  | 'unavailable';

/** Error thrown by the tlog module; `code` classifies the failure. */
export class TlogError extends Error {
  /** Classification of the failure, stable across releases. */
  readonly code: TlogErrorCode;

  /**
   * @param code classification of the failure
   * @param message human-readable explanation naming the offending value
   */
  constructor(code: TlogErrorCode, message: string) {
    super(message);
    this.name = 'TlogError';
    this.code = code;
  }
}

/** Throws `TlogError('invalid-argument')` unless `n` is a safe non-negative integer. */
export function assertIndex(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new TlogError('invalid-argument', `${what} must be a non-negative safe integer, got ${String(n)}`);
  }
}
