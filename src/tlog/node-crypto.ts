/**
 * The Node platform's primitives for the library (see crypto.ts): SHA-256 and Ed25519
 * verification from node:crypto.
 *
 * @module
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

import type { TlogCrypto } from './crypto.ts';

export const nodeCrypto: TlogCrypto = {
  sha256(...parts) {
    const hash = createHash('sha256');
    for (const p of parts) hash.update(p);
    const digest = hash.digest();
    // A plain Uint8Array view, so results compare equal to decoded bytes (Buffer is a subclass).
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
  },
  importEd25519PublicKey(publicKey) {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    return (message, signature) => {
      try {
        return verify(null, message, key, signature);
      } catch {
        return false;
      }
    };
  },
};
