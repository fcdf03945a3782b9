/**
 * @module Verifies, in the browser, that a log entry is in the transparency log, with the log's
 * own library (src/tlog, the code `truce verify` runs) on its browser adapter: the checkpoint's
 * Ed25519 signature against the log's verifier key (WebCrypto), the inclusion proof from the
 * entry's leaf hash to the checkpoint's root, and the leaf's format (src/log/leaf.ts). No server,
 * not even ours, is trusted for the answer.
 */
import {
  decodeBase64,
  leafHash,
  openTlogProof,
  parseNote,
  parseTlogProof,
  TlogError,
  webCryptoNoteVerifier,
} from '../../../../src/tlog/browser.ts';
import { decodeLeaf, type Leaf } from '../../../../src/log/leaf.ts';

export interface BrowserVerification {
  index: number;
  size: number;
  origin: string;
  /** Signature lines other than the log's (witness cosignatures), by key name. */
  cosigners: string[];
  /** The decoded entry (canonical JSON of the record change). */
  entry: Leaf;
  /** Leaf format: 1 (actor's user id in clear, entries before the switch) or 2 (actor as a commitment). */
  format: 1 | 2;
}

export class VerificationFailed extends Error {}

/** The library's reason, in words a person reads next to the entry. */
function reason(err: TlogError): string {
  switch (err.code) {
    case 'unverified':
      return `the checkpoint is not signed by this log (${err.message})`;
    case 'bad-signature':
      return "the checkpoint's signature does not verify";
    case 'proof-failed':
      return `the entry is not proven to be in the log (${err.message})`;
    case 'malformed':
    case 'invalid-argument':
    case 'unavailable':
      return `the proof or the log key is not valid (${err.message})`;
  }
}

/**
 * Verifies that `entryBase64` is the entry at the bundle's index in the log whose verifier key is
 * `vkey`. Throws VerificationFailed with a reason a person can read.
 */
export async function verifyEntry(entryBase64: string, bundle: string, vkey: string): Promise<BrowserVerification> {
  try {
    const { checkpoint: note } = parseTlogProof(bundle);
    const log = await webCryptoNoteVerifier(vkey.trim(), note);
    const entry = decodeBase64(entryBase64, 'entry');
    const verified = openTlogProof(bundle, leafHash(entry), { log: [log], origin: log.name });
    let leaf: Leaf;
    try {
      leaf = decodeLeaf(entry);
    } catch (err) {
      throw new VerificationFailed(
        `entry ${verified.index} is in the log but is not a record change this version reads (${(err as Error).message})`,
      );
    }
    return {
      index: verified.index,
      size: verified.checkpoint.size,
      origin: verified.checkpoint.origin,
      cosigners: parseNote(note)
        .signatures.filter((s) => s.name !== log.name)
        .map((s) => s.name),
      entry: leaf,
      format: leaf.v,
    };
  } catch (err) {
    if (err instanceof TlogError) throw new VerificationFailed(reason(err));
    throw err;
  }
}
