/**
 * Verification of inclusion and consistency proofs, following RFC 9162
 * sections 2.1.3.2 and 2.1.4.2 step by step.
 *
 * Both functions return a boolean and never throw: index, size and proof come
 * from untrusted parties, so "does not verify" is the answer for anything
 * malformed (unsafe integers, wrong hash lengths, wrong proof length). Bit
 * manipulation is done on bigint because JavaScript bitwise operators
 * truncate to 32 bits and trees may exceed 2^32 leaves.
 *
 * @module
 */
import { bytesEqual } from './encoding.ts';
import { HASH_SIZE, nodeHash } from './hash.ts';

function isSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function wellFormed(proof: readonly Uint8Array[]): boolean {
  // A 64-element proof already covers 2^64 leaves; anything longer is garbage.
  return proof.length <= 64 && proof.every((p) => p.length === HASH_SIZE);
}

/**
 * True if `proof` shows that `leaf` (a leaf hash) is at `index` in the tree of
 * `size` leaves whose root is `root` (RFC 9162 section 2.1.3.2).
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(index) || !isSize(size) || index >= size || !wellFormed(proof)) return false;
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      // Skip levels where this node has no right sibling (right edge of the tree).
      // Omitting this loop is a known verifier bug; the vectors catch it.
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && bytesEqual(r, root);
}

/**
 * True if `proof` shows that the tree of `size1` leaves with root `root1` is a
 * prefix of the tree of `size2` leaves with root `root2` (RFC 9162 section
 * 2.1.4.2). As in RFC 9162 and transparency-dev/merkle, an empty old tree is
 * consistent with every tree (given an empty proof) and `root1` is then not
 * examined; equal sizes need an empty proof and equal roots.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!isSize(size1) || !isSize(size2) || size1 > size2 || !wellFormed(proof)) return false;
  if (size1 === size2) return proof.length === 0 && bytesEqual(root1, root2);
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0) return false;

  const first = BigInt(size1);
  // When the old tree is a perfect subtree its root is the starting point, and
  // the proof omits it. Forgetting to prepend it is a known verifier bug.
  const path = (first & (first - 1n)) === 0n ? [root1, ...proof] : [...proof];
  let fn = first - 1n;
  let sn = BigInt(size2 - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}
