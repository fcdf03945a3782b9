/**
 * C2SP tlog-cosignature, Ed25519 flavour (signature type 0x04): a witness's
 * timestamped statement that a checkpoint is the largest consistent tree head
 * it has seen for that log.
 *
 * Signature bytes are key id (4) || uint64 big-endian timestamp (8) ||
 * Ed25519 signature (64) over `cosignature/v1\ntime <T>\n<checkpoint body>`.
 * The type byte in the key id gives domain separation from plain note
 * signatures, so a witness may reuse its note key's seed. Cosigning (Node
 * only) is in node-signing.ts.
 *
 * @module
 */
import { utf8 } from './encoding.ts';
import { TlogError } from './errors.ts';
import {
  computeKeyId,
  ed25519VerifyWith,
  formatKeyString,
  isValidKeyName,
  parseKeyString,
  SIG_TYPE_COSIGNATURE,
  type NoteVerifier,
} from './keys.ts';
import type { Note, NoteSignature } from './note.ts';

/** A verified cosignature. */
export interface Cosignature {
  readonly name: string;
  readonly keyId: number;
  /** POSIX seconds at which the witness cosigned. */
  readonly timestamp: number;
}

const MAX_TIMESTAMP = 2n ** 63n - 1n;
/** Cosignature bytes after the key id: uint64 timestamp || Ed25519 signature. */
export const COSIGNATURE_LENGTH = 8 + 64;

/** The exact bytes (as text) a cosigner signs for `body` at `timestamp`. */
export function cosignatureMessage(body: string, timestamp: number | bigint): string {
  return `cosignature/v1\ntime ${BigInt(timestamp).toString()}\n${body}`;
}

/** Key id of an Ed25519 cosigner: SHA-256(name || "\n" || 0x04 || pub)[:4]. */
export function cosignerKeyId(name: string, publicKey: Uint8Array): number {
  return computeKeyId(name, SIG_TYPE_COSIGNATURE, publicKey);
}

/** Cosigner verifier key string `name+hexid+base64(0x04 || pub)`. */
export function formatCosignerKey(name: string, publicKey: Uint8Array): string {
  return formatKeyString(name, SIG_TYPE_COSIGNATURE, publicKey);
}

/** Verifier for cosignatures by the Ed25519 key `publicKey` named `name`. */
export function cosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(name)}`);
  const verify = ed25519VerifyWith(publicKey);
  return {
    name,
    keyId: cosignerKeyId(name, publicKey),
    verify: (text, signature) => {
      if (signature.length !== COSIGNATURE_LENGTH) return false;
      const view = new DataView(signature.buffer, signature.byteOffset, signature.byteLength);
      const timestamp = view.getBigUint64(0);
      if (timestamp > MAX_TIMESTAMP) return false;
      return verify(utf8(cosignatureMessage(text, timestamp)), signature.slice(8));
    },
  };
}

/** Parses a cosigner verifier key string (type 0x04). */
export function parseCosignerKey(vkey: string): NoteVerifier {
  const k = parseKeyString(vkey);
  if (k.type !== SIG_TYPE_COSIGNATURE) {
    throw new TlogError('malformed', `cosigner key type 0x${k.type.toString(16)} is not 0x04`);
  }
  return cosignatureVerifier(k.name, k.key);
}

/** Timestamp carried by a cosignature line (not verified). */
export function cosignatureTimestamp(sig: NoteSignature): number {
  if (sig.signature.length !== COSIGNATURE_LENGTH) throw new TlogError('malformed', 'cosignature: wrong length');
  const view = new DataView(sig.signature.buffer, sig.signature.byteOffset, sig.signature.byteLength);
  const t = view.getBigUint64(0);
  if (t > BigInt(Number.MAX_SAFE_INTEGER)) throw new TlogError('malformed', 'cosignature: timestamp exceeds 2^53-1');
  return Number(t);
}

/**
 * Verifies the cosignatures on a note by the given cosigners. Lines by other
 * keys are ignored; a line by a listed cosigner that fails is `bad-signature`.
 * Each cosigner counts at most once.
 */
export function openCosignatures(note: Note, cosigners: readonly NoteVerifier[]): Cosignature[] {
  const found = new Map<string, Cosignature>();
  for (const sig of note.signatures) {
    const v = cosigners.find((c) => c.name === sig.name && c.keyId === sig.keyId);
    if (v === undefined) continue;
    if (!v.verify(note.text, sig.signature)) {
      throw new TlogError('bad-signature', `cosignature by ${sig.name} does not verify`);
    }
    found.set(`${sig.name}+${sig.keyId}`, { name: sig.name, keyId: sig.keyId, timestamp: cosignatureTimestamp(sig) });
  }
  return [...found.values()];
}
