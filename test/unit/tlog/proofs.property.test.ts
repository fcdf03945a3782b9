import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
  consistencyProof,
  consistencyProofFromLeaves,
  inclusionProof,
  inclusionProofFromLeaves,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '../../../src/tlog/node.ts';
import { flipBit } from './helpers.ts';
import { buildTree, makeLeaves } from './tree-fixture.ts';

/** Tree sizes 1..2000, biased towards tile (256) and power-of-two boundaries. */
const sizeArb = fc.oneof(
  fc.integer({ min: 1, max: 2000 }),
  fc.constantFrom(1, 2, 3, 255, 256, 257, 511, 512, 513, 768, 1023, 1024, 1025, 1536, 1999, 2000),
);

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Sequence of sibling sides of PATH(m, n) from the recursive RFC 6962
 * definition. An inclusion proof does not bind the tree size (the signed
 * checkpoint does), so a proof verifies for a different size exactly when
 * that size yields the same sequence: this makes the size-flip property exact.
 */
function pathShape(m: number, n: number): string {
  if (n <= 1) return '';
  const k = splitPoint(n);
  return m < k ? `${pathShape(m, k)}R` : `${pathShape(m - k, n - k)}L`;
}

/** Same idea for PROOF(m, n): which proof hashes feed both roots, and whether the old root is implied. */
function consistencyShape(m: number, n: number, whole = true): string {
  if (m === n) return whole ? 'implied' : 'given';
  const k = splitPoint(n);
  return m <= k ? `${consistencyShape(m, k, whole)}R` : `${consistencyShape(m - k, n - k, false)}L`;
}

/** Every single-bit flip of a non-negative integer that stays a safe integer. */
function bitFlips(n: number): number[] {
  const out: number[] = [];
  for (let bit = 0; bit < 12; bit++) out.push(n ^ (1 << bit));
  return out;
}

describe('inclusion proofs (property)', () => {
  it('verify for every random tree and index, and fail on any single-bit flip', () => {
    fc.assert(
      fc.property(sizeArb, fc.nat(), fc.nat(), fc.nat({ max: 255 }), (size, rawIndex, seed, bit) => {
        const tree = buildTree(makeLeaves(size, seed));
        const index = rawIndex % size;
        const leaf = tree.leaves[index] as Uint8Array;
        const root = rootFromLeafHashes(tree.leaves);
        const proof = inclusionProof(index, size, tree.getHash);
        assert.deepEqual(proof, inclusionProofFromLeaves(index, tree.leaves));
        assert.equal(verifyInclusion(leaf, index, size, proof, root), true);

        assert.equal(verifyInclusion(flipBit(leaf, bit), index, size, proof, root), false);
        assert.equal(verifyInclusion(leaf, index, size, proof, flipBit(root, bit)), false);
        proof.forEach((_, i) => {
          const bad = proof.map((p, j) => (i === j ? flipBit(p, bit) : p));
          assert.equal(verifyInclusion(leaf, index, size, bad, root), false, `proof[${i}]`);
        });
        if (proof.length > 0) assert.equal(verifyInclusion(leaf, index, size, proof.slice(1), root), false);
        assert.equal(verifyInclusion(leaf, index, size, [...proof, root], root), false);
        for (const other of bitFlips(index)) {
          assert.equal(verifyInclusion(leaf, other, size, proof, root), false, `index ${other}`);
        }
        for (const other of bitFlips(size)) {
          const same = other > index && pathShape(index, other) === pathShape(index, size);
          assert.equal(verifyInclusion(leaf, index, other, proof, root), same, `size ${other}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('consistency proofs (property)', () => {
  it('verify for every random pair of sizes, and fail on any single-bit flip', () => {
    fc.assert(
      fc.property(sizeArb, fc.nat(), fc.nat(), fc.nat({ max: 255 }), (n, rawM, seed, bit) => {
        const tree = buildTree(makeLeaves(n, seed));
        const m = 1 + (rawM % n);
        const root1 = rootFromLeafHashes(tree.leaves.slice(0, m));
        const root2 = rootFromLeafHashes(tree.leaves);
        const proof = consistencyProof(m, n, tree.getHash);
        assert.deepEqual(proof, consistencyProofFromLeaves(m, tree.leaves));
        assert.equal(verifyConsistency(m, n, proof, root1, root2), true);

        assert.equal(verifyConsistency(m, n, proof, flipBit(root1, bit), root2), false);
        assert.equal(verifyConsistency(m, n, proof, root1, flipBit(root2, bit)), false);
        proof.forEach((_, i) => {
          const bad = proof.map((p, j) => (i === j ? flipBit(p, bit) : p));
          assert.equal(verifyConsistency(m, n, bad, root1, root2), false, `proof[${i}]`);
        });
        if (proof.length > 0) assert.equal(verifyConsistency(m, n, proof.slice(0, -1), root1, root2), false);
        for (const other of bitFlips(m)) {
          // Size 0 is consistent with anything given an empty proof (RFC 9162), roots unexamined.
          const same =
            other === 0 ? proof.length === 0 : other <= n && consistencyShape(other, n) === consistencyShape(m, n);
          assert.equal(verifyConsistency(other, n, proof, root1, root2), same, `size1 ${other}`);
        }
        for (const other of bitFlips(n)) {
          const same = other >= m && consistencyShape(m, other) === consistencyShape(m, n);
          assert.equal(verifyConsistency(m, other, proof, root1, root2), same, `size2 ${other}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
