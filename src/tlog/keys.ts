/**
 * Signed-note keys: key ids, verifier key strings (`name+hexid+base64`), the
 * Ed25519 note verifiers on the installed platform primitives (crypto.ts). Signers
 * and the Go x/mod private key string are Node-only (node-signing.ts).
 *
 * @module
 */
import { sha256, tlogCrypto } from './crypto.ts';
import { decodeBase64, encodeBase64, hex32, utf8 } from './encoding.ts';
import { TlogError } from './errors.ts';

/** Signature type byte of plain Ed25519 note signatures. */
export const SIG_TYPE_ED25519 = 0x01;
/** Signature type byte of timestamped Ed25519 cosignatures (tlog-cosignature). */
export const SIG_TYPE_COSIGNATURE = 0x04;

/** Verifies signatures by one key, identified in signature lines by (name, keyId). */
export interface NoteVerifier {
  readonly name: string;
  /** uint32 key id. */
  readonly keyId: number;
  /** True if `signature` (the bytes after the 4-byte key id) signs the note text `text`. */
  verify(text: string, signature: Uint8Array): boolean;
}

/** Produces signatures for one key. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** Signature bytes (without the key id) over the note text `text`. */
  sign(text: string): Uint8Array;
}

/** A parsed key string (verifier or private): name, id, type byte and key bytes. */
export interface KeyString {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly key: Uint8Array;
}

/** True if `name` is a valid key name: non-empty, no Unicode spaces, no "+". */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\p{Z}+]/u.test(name);
}

/** Key id: the first 4 bytes (big-endian uint32) of SHA-256(name || "\n" || type || key). */
export function computeKeyId(name: string, type: number, key: Uint8Array): number {
  const digest = sha256(utf8(`${name}\n`), new Uint8Array([type]), key);
  return new DataView(digest.buffer, digest.byteOffset, digest.byteLength).getUint32(0);
}

/** Formats `name+hexid+base64(type || key)`, computing the id. */
export function formatKeyString(name: string, type: number, key: Uint8Array): string {
  if (!isValidKeyName(name)) throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(name)}`);
  const body = new Uint8Array(key.length + 1);
  body[0] = type;
  body.set(key, 1);
  return `${name}+${hex32(computeKeyId(name, type, key))}+${encodeBase64(body)}`;
}

/**
 * Parses `name+hexid+base64(type || key)`, splitting on the first two "+"
 * only (base64 may contain "+"), and checks that the id matches the key.
 */
export function parseKeyString(text: string): KeyString {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (first < 0 || second < 0) throw new TlogError('malformed', 'key string: expected name+id+key');
  const name = text.slice(0, first);
  const hexId = text.slice(first + 1, second);
  if (!isValidKeyName(name)) throw new TlogError('malformed', `key string: invalid name ${JSON.stringify(name)}`);
  if (!/^[0-9a-f]{8}$/.test(hexId)) throw new TlogError('malformed', 'key string: id must be 8 lowercase hex digits');
  const body = decodeBase64(text.slice(second + 1), 'key string');
  if (body.length < 2) throw new TlogError('malformed', 'key string: key too short');
  const type = body[0] as number;
  const key = body.slice(1);
  const keyId = Number.parseInt(hexId, 16);
  if (computeKeyId(name, type, key) !== keyId)
    throw new TlogError('malformed', `key string: id ${hexId} does not match the key`);
  return { name, keyId, type, key };
}

/**
 * The installed platform's Ed25519 verification for a raw 32-byte public key. Throws
 * `TlogError('unavailable')` where the platform only verifies asynchronously (a browser: use
 * `webCryptoNoteVerifier` from browser.ts), so a verifier is never built that could not answer.
 */
export function ed25519VerifyWith(publicKey: Uint8Array): (message: Uint8Array, signature: Uint8Array) => boolean {
  if (publicKey.length !== 32) throw new TlogError('malformed', 'Ed25519 public key must be 32 bytes');
  const importKey = tlogCrypto().importEd25519PublicKey;
  if (importKey === undefined)
    throw new TlogError('unavailable', 'no synchronous Ed25519 verification on this platform');
  const verify = importKey(publicKey);
  // Reject before the platform, which would otherwise see arbitrary lengths.
  return (message, signature) => signature.length === 64 && verify(message, signature);
}

/** Note verifier for a plain Ed25519 key (signature type 0x01). */
export function ed25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(name)}`);
  const verify = ed25519VerifyWith(publicKey);
  return {
    name,
    keyId: computeKeyId(name, SIG_TYPE_ED25519, publicKey),
    verify: (text, signature) => verify(utf8(text), signature),
  };
}

/** Parses an Ed25519 verifier key string `name+hexid+base64(0x01 || pub)`. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const k = parseKeyString(vkey);
  if (k.type !== SIG_TYPE_ED25519)
    throw new TlogError('malformed', `verifier key type 0x${k.type.toString(16)} is not Ed25519 (0x01)`);
  return ed25519Verifier(k.name, k.key);
}
