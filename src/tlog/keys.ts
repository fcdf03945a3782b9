/**
 * Signed-note keys: key ids, verifier key strings (`name+hexid+base64`), the
 * Go x/mod private key string (`PRIVATE+KEY+name+hexid+base64`), and Ed25519
 * signers and verifiers backed by node:crypto.
 *
 * @module
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

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

/** An Ed25519 note signer that also exposes its key material (for cosigner derivation and vkey export). */
export interface Ed25519Signer extends NoteSigner {
  readonly privateKey: KeyObject;
  /** Raw 32-byte public key. */
  readonly publicKey: Uint8Array;
}

/** A parsed key string (verifier or private): name, id, type byte and key bytes. */
export interface KeyString {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly key: Uint8Array;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const PRIVATE_PREFIX = 'PRIVATE+KEY+';

/** True if `name` is a valid key name: non-empty, no Unicode spaces, no "+". */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\p{Z}+]/u.test(name);
}

/** Key id: the first 4 bytes (big-endian uint32) of SHA-256(name || "\n" || type || key). */
export function computeKeyId(name: string, type: number, key: Uint8Array): number {
  const digest = createHash('sha256').update(utf8(`${name}\n`)).update(new Uint8Array([type])).update(key).digest();
  return digest.readUInt32BE(0);
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
  if (computeKeyId(name, type, key) !== keyId) throw new TlogError('malformed', `key string: id ${hexId} does not match the key`);
  return { name, keyId, type, key };
}

/** Imports a raw 32-byte Ed25519 public key. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new TlogError('malformed', 'Ed25519 public key must be 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** Imports an Ed25519 private key from its 32-byte seed. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new TlogError('malformed', 'Ed25519 seed must be 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function jwkField(key: KeyObject, field: 'x' | 'd'): Uint8Array {
  const value = key.export({ format: 'jwk' })[field];
  if (key.asymmetricKeyType !== 'ed25519' || value === undefined) {
    throw new TlogError('invalid-argument', 'expected an Ed25519 key');
  }
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

/** Raw 32-byte public key of an Ed25519 private or public KeyObject. */
export function rawPublicKey(key: KeyObject): Uint8Array {
  return jwkField(key.type === 'private' ? createPublicKey(key) : key, 'x');
}

/** True if `signature` is a valid Ed25519 signature of `message` under `publicKey`. */
export function ed25519Verify(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  // Reject before node:crypto, which would otherwise see arbitrary lengths.
  if (signature.length !== 64) return false;
  return verify(null, message, publicKey, signature);
}

/** Ed25519 signature of `message` (deterministic, RFC 8032). */
export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, privateKey));
}

/** Note verifier for a plain Ed25519 key (signature type 0x01). */
export function ed25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(name)}`);
  const key = ed25519PublicKey(publicKey);
  return {
    name,
    keyId: computeKeyId(name, SIG_TYPE_ED25519, publicKey),
    verify: (text, signature) => ed25519Verify(key, utf8(text), signature),
  };
}

/** Parses an Ed25519 verifier key string `name+hexid+base64(0x01 || pub)`. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const k = parseKeyString(vkey);
  if (k.type !== SIG_TYPE_ED25519) throw new TlogError('malformed', `verifier key type 0x${k.type.toString(16)} is not Ed25519 (0x01)`);
  return ed25519Verifier(k.name, k.key);
}

/** Ed25519 note signer (signature type 0x01) for a node:crypto private key. */
export function ed25519Signer(name: string, privateKey: KeyObject): Ed25519Signer {
  if (!isValidKeyName(name)) throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(name)}`);
  const publicKey = rawPublicKey(privateKey);
  return {
    name,
    keyId: computeKeyId(name, SIG_TYPE_ED25519, publicKey),
    privateKey,
    publicKey,
    sign: (text) => ed25519Sign(privateKey, utf8(text)),
  };
}

/** Verifier key string of an Ed25519 signer. */
export function verifierKeyOf(signer: Ed25519Signer): string {
  return formatKeyString(signer.name, SIG_TYPE_ED25519, signer.publicKey);
}

/** Formats the Go x/mod private key string `PRIVATE+KEY+name+hexid+base64(0x01 || seed)`. */
export function formatSignerKey(name: string, privateKey: KeyObject): string {
  if (!isValidKeyName(name)) throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(name)}`);
  const seed = jwkField(privateKey, 'd');
  const id = computeKeyId(name, SIG_TYPE_ED25519, rawPublicKey(privateKey));
  const body = new Uint8Array(33);
  body[0] = SIG_TYPE_ED25519;
  body.set(seed, 1);
  return `${PRIVATE_PREFIX}${name}+${hex32(id)}+${encodeBase64(body)}`;
}

/** Parses a Go x/mod private key string into a signer; the id must match the derived public key. */
export function parseSignerKey(skey: string): Ed25519Signer {
  if (!skey.startsWith(PRIVATE_PREFIX)) throw new TlogError('malformed', 'private key must start with PRIVATE+KEY+');
  const rest = skey.slice(PRIVATE_PREFIX.length);
  const parts = rest.split('+');
  const name = parts[0] ?? '';
  const hexId = parts[1] ?? '';
  const encoded = parts.slice(2).join('+');
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hexId)) throw new TlogError('malformed', 'private key: bad name or id');
  const body = decodeBase64(encoded, 'private key');
  if (body.length !== 33 || body[0] !== SIG_TYPE_ED25519) throw new TlogError('malformed', 'private key: expected 0x01 || 32-byte seed');
  const signer = ed25519Signer(name, ed25519PrivateKey(body.slice(1)));
  if (signer.keyId !== Number.parseInt(hexId, 16)) throw new TlogError('malformed', 'private key: id does not match the key');
  return signer;
}

/** Generates a fresh Ed25519 key and returns its private (Go format) and verifier key strings. */
export function generateSignerKey(name: string): { skey: string; vkey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = ed25519Signer(name, privateKey);
  return { skey: formatSignerKey(name, privateKey), vkey: verifierKeyOf(signer) };
}
