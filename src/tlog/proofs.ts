/**
 * Generation of RFC 6962 / RFC 9162 inclusion and consistency proofs.
 *
 * Every proof element is the Merkle Tree Hash of a range of leaves
 * `[start, end)` whose start is aligned to the largest power of two not above
 * its length. Such a range is a left-to-right sequence of perfect subtrees
 * (complete nodes), so a proof is planned as a list of node ids first
 * ({@link inclusionProofNodes}), the caller fetches those hashes in one batch
 * (from memory, a database or tiles), and the proof is then assembled
 * synchronously. This split keeps the maths pure and lets I/O be batched.
 *
 * Sizes and indices are JavaScript numbers restricted to safe integers
 * (< 2^53); larger values throw `TlogError('invalid-argument')`.
 *
 * @module
 */
import { assertIndex, TlogError } from './errors.ts';
import { foldRight, rootFromLeafHashes } from './hash.ts';

/** A complete subtree: leaves `[index * 2^level, (index + 1) * 2^level)`. */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** Returns the hash of a complete subtree node; the node is always complete in the tree being proven. */
export type NodeHashGetter = (level: number, index: number) => Uint8Array;

/** A half-open range of leaf indices. */
interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** Number of bits needed to write `n` (0 for 0); exact for all safe integers. */
export function bitLength(n: number): number {
  const hi = Math.floor(n / 0x1_0000_0000);
  if (hi > 0) return 64 - Math.clz32(hi);
  return 32 - Math.clz32(n);
}

/** Largest power of two strictly smaller than `n` (n >= 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  return 2 ** (bitLength(n - 1) - 1);
}

/** Decomposes an aligned range into its perfect subtrees, largest (leftmost) first. */
export function rangeNodes(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    const level = bitLength(end - at) - 1;
    const width = 2 ** level;
    if (at % width !== 0) {
      // Proof ranges are aligned by construction; this guards the invariant.
      throw new TlogError('invalid-argument', `range [${start}, ${end}) is not aligned`);
    }
    nodes.push({ level, index: at / width });
    at += width;
  }
  return nodes;
}

/** The perfect subtrees of the whole tree of `size` leaves, left to right. */
export function treeNodes(size: number): NodeId[] {
  assertIndex(size, 'tree size');
  return rangeNodes(0, size);
}

/** Proof ranges for PATH(index, D[0:size]), leaf sibling first. */
function inclusionRanges(index: number, size: number): LeafRange[] {
  assertIndex(index, 'leaf index');
  assertIndex(size, 'tree size');
  if (index >= size) {
    throw new TlogError('invalid-argument', `leaf index ${index} is not below tree size ${size}`);
  }
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
    }
  }
  return ranges.reverse();
}

/** Proof ranges for PROOF(m, D[0:n]) (RFC 6962 SUBPROOF with b = true). */
function consistencyRanges(m: number, n: number): LeafRange[] {
  assertIndex(m, 'old size');
  assertIndex(n, 'new size');
  if (m > n) throw new TlogError('invalid-argument', `old size ${m} exceeds new size ${n}`);
  // RFC 9162: the empty tree and an unchanged tree need no proof.
  if (m === 0 || m === n) return [];
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = n;
  let whole = true;
  for (;;) {
    const len = end - start;
    if (m - start === len) {
      // The old tree is this whole subtree; its hash is implied only at the top level.
      if (!whole) ranges.push({ start, end });
      break;
    }
    const k = splitPoint(len);
    if (m - start <= k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      whole = false;
    }
  }
  return ranges.reverse();
}

function flatten(ranges: readonly LeafRange[]): NodeId[] {
  return ranges.flatMap((r) => rangeNodes(r.start, r.end));
}

function assemble(ranges: readonly LeafRange[], getHash: NodeHashGetter): Uint8Array[] {
  return ranges.map((r) => foldRight(rangeNodes(r.start, r.end).map((n) => getHash(n.level, n.index))));
}

/** Every complete node whose hash {@link inclusionProof} will request. */
export function inclusionProofNodes(index: number, size: number): NodeId[] {
  return flatten(inclusionRanges(index, size));
}

/** Every complete node whose hash {@link consistencyProof} will request. */
export function consistencyProofNodes(m: number, n: number): NodeId[] {
  return flatten(consistencyRanges(m, n));
}

/**
 * Inclusion proof (audit path) for leaf `index` in the tree of `size` leaves,
 * ordered from the leaf's sibling up to the root's child. O(log size) hashes.
 */
export function inclusionProof(index: number, size: number, getHash: NodeHashGetter): Uint8Array[] {
  return assemble(inclusionRanges(index, size), getHash);
}

/** Consistency proof from the tree of `m` leaves to the tree of `n` leaves. */
export function consistencyProof(m: number, n: number, getHash: NodeHashGetter): Uint8Array[] {
  return assemble(consistencyRanges(m, n), getHash);
}

/** Root hash of the tree of `size` leaves from complete-node hashes. */
export function rootFromNodes(size: number, getHash: NodeHashGetter): Uint8Array {
  return foldRight(treeNodes(size).map((n) => getHash(n.level, n.index)));
}

/**
 * Inclusion proof computed directly from all leaf hashes with the recursive
 * RFC 6962 PATH definition. O(n) hashing: meant for tests and small trees,
 * and as an independent cross-check of {@link inclusionProof}.
 */
export function inclusionProofFromLeaves(index: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  assertIndex(index, 'leaf index');
  if (index >= leaves.length) {
    throw new TlogError('invalid-argument', `leaf index ${index} is not below tree size ${leaves.length}`);
  }
  return path(index, leaves);
}

function path(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const k = splitPoint(d.length);
  if (m < k) return [...path(m, d.slice(0, k)), rootFromLeafHashes(d.slice(k))];
  return [...path(m - k, d.slice(k)), rootFromLeafHashes(d.slice(0, k))];
}

/**
 * Consistency proof computed directly from all leaf hashes of the new tree
 * with the recursive RFC 6962 PROOF/SUBPROOF definition (tests, small trees).
 */
export function consistencyProofFromLeaves(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  assertIndex(m, 'old size');
  if (m > leaves.length) {
    throw new TlogError('invalid-argument', `old size ${m} exceeds new size ${leaves.length}`);
  }
  if (m === 0) return [];
  return subproof(m, leaves, true);
}

function subproof(m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [rootFromLeafHashes(d)];
  const k = splitPoint(d.length);
  if (m <= k) return [...subproof(m, d.slice(0, k), b), rootFromLeafHashes(d.slice(k))];
  return [...subproof(m - k, d.slice(k), false), rootFromLeafHashes(d.slice(0, k))];
}

/** Hash of complete node (level, index) from all leaf hashes; helper for in-memory getters. */
export function nodeFromLeaves(leaves: readonly Uint8Array[], level: number, index: number): Uint8Array {
  const width = 2 ** level;
  const start = index * width;
  if (start + width > leaves.length) {
    throw new TlogError('invalid-argument', `node (${level}, ${index}) is not complete in a tree of ${leaves.length}`);
  }
  return rootFromLeafHashes(leaves.slice(start, start + width));
}
