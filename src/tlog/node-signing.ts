/**
 * Ed25519 signing with node:crypto keys: note signers, cosigners, the Go x/mod private key
 * string (`PRIVATE+KEY+name+hexid+base64(0x01 || seed)`) and key generation. Node only (the
 * server, the witness, the CLI); a browser only verifies. Exported through node.ts.
 *
 * @module
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

import { COSIGNATURE_LENGTH, cosignatureMessage, cosignerKeyId } from './cosignature.ts';
import { decodeBase64, encodeBase64, hex32, utf8 } from './encoding.ts';
import { TlogError } from './errors.ts';
import { computeKeyId, formatKeyString, isValidKeyName, SIG_TYPE_ED25519, type NoteSigner } from './keys.ts';
import type { NoteSignature } from './note.ts';

/** An Ed25519 note signer that also exposes its key material (for cosigner derivation and vkey export). */
export interface Ed25519Signer extends NoteSigner {
  readonly privateKey: KeyObject;
  /** Raw 32-byte public key. */
  readonly publicKey: Uint8Array;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const PRIVATE_PREFIX = 'PRIVATE+KEY+';

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

/** Ed25519 signature of `message` (deterministic, RFC 8032). */
export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, privateKey));
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
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hexId))
    throw new TlogError('malformed', 'private key: bad name or id');
  const body = decodeBase64(encoded, 'private key');
  if (body.length !== 33 || body[0] !== SIG_TYPE_ED25519)
    throw new TlogError('malformed', 'private key: expected 0x01 || 32-byte seed');
  const signer = ed25519Signer(name, ed25519PrivateKey(body.slice(1)));
  if (signer.keyId !== Number.parseInt(hexId, 16))
    throw new TlogError('malformed', 'private key: id does not match the key');
  return signer;
}

/** Generates a fresh Ed25519 key and returns its private (Go format) and verifier key strings. */
export function generateSignerKey(name: string): { skey: string; vkey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = ed25519Signer(name, privateKey);
  return { skey: formatSignerKey(name, privateKey), vkey: verifierKeyOf(signer) };
}

/**
 * Cosignature of checkpoint `body` at `timestamp` (POSIX seconds) by
 * `privateKey`, as a note signature (use `formatSignatureLine` for the line).
 */
export function cosign(body: string, timestamp: number, name: string, privateKey: KeyObject): NoteSignature {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TlogError(
      'invalid-argument',
      `cosignature timestamp must be a non-negative safe integer, got ${timestamp}`,
    );
  }
  if (!isValidKeyName(name)) throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(name)}`);
  const signature = new Uint8Array(COSIGNATURE_LENGTH);
  new DataView(signature.buffer).setBigUint64(0, BigInt(timestamp));
  signature.set(ed25519Sign(privateKey, utf8(cosignatureMessage(body, timestamp))), 8);
  return { name, keyId: cosignerKeyId(name, rawPublicKey(privateKey)), signature };
}

/**
 * A note signer producing cosignatures; `now` returns POSIX seconds and is
 * injected so tests and callers control the clock.
 */
export function cosigner(name: string, privateKey: KeyObject, now: () => number): NoteSigner {
  const keyId = cosignerKeyId(name, rawPublicKey(privateKey));
  return { name, keyId, sign: (text) => cosign(text, now(), name, privateKey).signature };
}

/** A cosigner from a Go-format private key string (the 0x01 id in it is checked, then the 0x04 id is used). */
export function cosignerFromSignerKey(skey: string, now: () => number): NoteSigner {
  const signer = parseSignerKey(skey);
  return cosigner(signer.name, signer.privateKey, now);
}
