/**
 * RFC 6962 section 2.1 Merkle tree hashing with SHA-256. Leaf and interior
 * nodes get different one-byte prefixes so that a leaf can never be passed off
 * as an interior node (second-preimage resistance of the tree). SHA-256 is the
 * installed platform's (crypto.ts).
 *
 * @module
 */
import { sha256 } from './crypto.ts';

/** Length in bytes of every hash in the tree. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** Hash of a log entry: SHA-256(0x00 || data). */
export function leafHash(data: Uint8Array): Uint8Array {
  return sha256(LEAF_PREFIX, data);
}

/** Hash of an interior node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(NODE_PREFIX, left, right);
}

/** Root of the empty tree: SHA-256 of the empty string. */
export function emptyRoot(): Uint8Array {
  return sha256();
}

/**
 * Merkle Tree Hash of a list of leaf hashes (RFC 6962 MTH). Runs in O(n)
 * hashes with an O(log n) stack: each perfect subtree is merged as soon as it
 * is complete, then the remaining stack is folded right to left, which is the
 * same as splitting at the largest power of two smaller than n.
 */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot();
  const stack: Uint8Array[] = [];
  for (let i = 0; i < hashes.length; i++) {
    let h = hashes[i] as Uint8Array;
    // Each trailing one bit of i is a completed left sibling waiting on the stack.
    for (let k = i; k % 2 === 1; k = (k - 1) / 2) {
      h = nodeHash(stack.pop() as Uint8Array, h);
    }
    stack.push(h);
  }
  return foldRight(stack);
}

/**
 * Folds perfect-subtree hashes listed left to right (largest first) into the
 * hash of their concatenated range: h0 . (h1 . (... . hk)).
 */
export function foldRight(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot();
  let acc = hashes[hashes.length - 1] as Uint8Array;
  for (let i = hashes.length - 2; i >= 0; i--) {
    acc = nodeHash(hashes[i] as Uint8Array, acc);
  }
  return acc;
}
