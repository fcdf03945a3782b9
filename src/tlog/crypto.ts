/**
 * The two primitives the library needs from its platform, injected so that the same code runs
 * in Node (the server, `truce verify`, the witness) and in a browser (the web UI's check of an
 * entry): SHA-256 and Ed25519 signature verification. Signing is never needed in a browser and
 * lives with the Node adapter (`node.ts`).
 *
 * Both are synchronous because the tree, proof and note code is: Node's `node:crypto` is, and a
 * browser gets a pure-JS SHA-256 (`sha256.ts`). WebCrypto's Ed25519 is asynchronous only, so a
 * browser adapter leaves `importEd25519PublicKey` out and builds note verifiers that check their signatures
 * with WebCrypto beforehand (`browser.ts`); `ed25519Verifier` then refuses to be built rather
 * than answer wrongly.
 *
 * One adapter per process, installed by the entry module (`node.ts` or `browser.ts`) when it is
 * first imported: every function that hashes finds it here.
 *
 * @module
 */
import { TlogError } from './errors.ts';

export interface TlogCrypto {
  /** SHA-256 of the concatenation of `parts` (32 bytes, a plain Uint8Array). */
  sha256(...parts: readonly Uint8Array[]): Uint8Array;
  /**
   * Imports a raw 32-byte Ed25519 public key (once per verifier, not per signature) and returns
   * its verification: true if `signature` (64 bytes) is valid for `message`, false otherwise,
   * never throws. Absent where the platform only verifies asynchronously.
   */
  importEd25519PublicKey?: (publicKey: Uint8Array) => (message: Uint8Array, signature: Uint8Array) => boolean;
}

let installed: TlogCrypto | undefined;

/** Installs the platform's primitives (the entry modules do this; tests may swap them). */
export function installTlogCrypto(crypto: TlogCrypto): void {
  installed = crypto;
}

/** The installed primitives; throws if no entry module installed any. */
export function tlogCrypto(): TlogCrypto {
  if (installed === undefined) {
    throw new TlogError(
      'unavailable',
      'no crypto installed: import src/tlog/node.ts (Node) or src/tlog/browser.ts (browser), not index.ts',
    );
  }
  return installed;
}

/** SHA-256 of the concatenation of `parts` with the installed primitives. */
export function sha256(...parts: readonly Uint8Array[]): Uint8Array {
  return tlogCrypto().sha256(...parts);
}
