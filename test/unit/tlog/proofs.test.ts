import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  consistencyProof,
  consistencyProofFromLeaves,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofFromLeaves,
  inclusionProofNodes,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  rootFromNodes,
  TlogError,
  verifyConsistency,
  verifyInclusion,
} from '../../../src/tlog/node.ts';
import { b64, hex, monkeys, vectors } from './helpers.ts';
import { buildTree, makeLeaves } from './tree-fixture.ts';

const leaves = vectors.rfc6962_hashing.leaf_inputs_hex.map((x) => leafHash(hex(x)));

describe('verifyInclusion (transparency-dev/merkle testdata)', () => {
  for (const v of vectors.inclusion) {
    it(`${v.desc}: leaf ${v.leafIdx} of ${v.treeSize} -> ${v.wantErr ? 'reject' : 'accept'}`, () => {
      const ok = verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, v.proof.map(b64), b64(v.root));
      assert.equal(ok, !v.wantErr);
    });
  }
});

describe('verifyConsistency (transparency-dev/merkle testdata)', () => {
  for (const v of vectors.consistency) {
    it(`${v.desc}: ${v.size1} -> ${v.size2} -> ${v.wantErr ? 'reject' : 'accept'}`, () => {
      const ok = verifyConsistency(v.size1, v.size2, v.proof.map(b64), b64(v.root1), b64(v.root2));
      assert.equal(ok, !v.wantErr);
    });
  }

  it('accepts the witness "monkeys" 5 -> 8 proof between the signed roots', () => {
    const root = (cp: string): Uint8Array => b64(cp.split('\n')[2] as string);
    const proof = monkeys.proof5to8Hex.map(hex);
    assert.equal(verifyConsistency(5, 8, proof, root(monkeys.size5), root(monkeys.size8)), true);
    assert.equal(verifyConsistency(5, 8, proof.slice(1), root(monkeys.size5), root(monkeys.size8)), false);
  });
});

describe('proof generation reproduces the published happy-path proofs', () => {
  const tree = buildTree(leaves);
  for (const v of vectors.inclusion.filter((x) => !x.wantErr && x.treeSize <= leaves.length)) {
    it(`inclusion ${v.leafIdx} in ${v.treeSize}`, () => {
      const size = v.treeSize;
      const expected = v.proof.map(b64);
      assert.deepEqual(inclusionProof(v.leafIdx, size, tree.getHash), expected);
      assert.deepEqual(inclusionProofFromLeaves(v.leafIdx, leaves.slice(0, size)), expected);
    });
  }
  for (const v of vectors.consistency.filter((x) => !x.wantErr && x.size1 !== x.size2)) {
    it(`consistency ${v.size1} -> ${v.size2}`, () => {
      const expected = v.proof.map(b64);
      assert.deepEqual(consistencyProof(v.size1, v.size2, tree.getHash), expected);
      assert.deepEqual(consistencyProofFromLeaves(v.size1, leaves.slice(0, v.size2)), expected);
    });
  }
});

describe('proof generation', () => {
  const tree = buildTree(makeLeaves(300));

  it('node-based and recursive generators agree on every proof of trees up to 70 leaves', () => {
    for (let n = 1; n <= 70; n++) {
      const slice = tree.leaves.slice(0, n);
      for (let i = 0; i < n; i++) {
        assert.deepEqual(inclusionProof(i, n, tree.getHash), inclusionProofFromLeaves(i, slice), `incl ${i}/${n}`);
      }
      for (let m = 0; m <= n; m++) {
        assert.deepEqual(consistencyProof(m, n, tree.getHash), consistencyProofFromLeaves(m, slice), `cons ${m}/${n}`);
      }
    }
  });

  it('computes roots from nodes and only asks for complete nodes', () => {
    for (const n of [1, 2, 3, 255, 256, 257, 300]) {
      assert.deepEqual(rootFromNodes(n, tree.getHash), rootFromLeafHashes(tree.leaves.slice(0, n)));
      for (const node of [...inclusionProofNodes(n - 1, n), ...consistencyProofNodes(Math.ceil(n / 3), n)]) {
        assert.ok((node.index + 1) * 2 ** node.level <= n, `node ${node.level}/${node.index} in ${n}`);
      }
    }
  });

  it('returns empty consistency proofs for old size 0 or equal sizes', () => {
    assert.deepEqual(consistencyProof(0, 10, tree.getHash), []);
    assert.deepEqual(consistencyProof(10, 10, tree.getHash), []);
  });

  it('rejects impossible arguments with TlogError(invalid-argument)', () => {
    const bad = (fn: () => unknown): void =>
      assert.throws(fn, (e: unknown) => e instanceof TlogError && e.code === 'invalid-argument');
    bad(() => inclusionProof(5, 5, tree.getHash));
    bad(() => inclusionProof(-1, 5, tree.getHash));
    bad(() => inclusionProof(0.5, 5, tree.getHash));
    bad(() => inclusionProof(0, 2 ** 53, tree.getHash));
    bad(() => consistencyProof(6, 5, tree.getHash));
    bad(() => inclusionProofFromLeaves(3, tree.leaves.slice(0, 3)));
  });
});

describe('verifier edge cases', () => {
  const tree = buildTree(makeLeaves(20));
  const root = (n: number): Uint8Array => rootFromLeafHashes(tree.leaves.slice(0, n));

  it('rejects unsafe or negative sizes and indices instead of throwing', () => {
    const proof = inclusionProof(3, 20, tree.getHash);
    assert.equal(verifyInclusion(tree.leaves[3] as Uint8Array, 3, 20, proof, root(20)), true);
    assert.equal(verifyInclusion(tree.leaves[3] as Uint8Array, 3, 2 ** 53, proof, root(20)), false);
    assert.equal(verifyInclusion(tree.leaves[3] as Uint8Array, -1, 20, proof, root(20)), false);
    assert.equal(verifyConsistency(-1, 20, [], root(1), root(20)), false);
    assert.equal(verifyConsistency(Number.NaN, 20, [], root(1), root(20)), false);
  });

  it('rejects proof elements that are not 32 bytes', () => {
    const proof = inclusionProof(3, 20, tree.getHash);
    const longer = proof.map((p, i) => (i === 0 ? new Uint8Array([...p, 0]) : p));
    assert.equal(verifyInclusion(tree.leaves[3] as Uint8Array, 3, 20, longer, root(20)), false);
  });

  it('treats an empty old tree as consistent only with an empty proof', () => {
    assert.equal(verifyConsistency(0, 20, [], root(0), root(20)), true);
    assert.equal(verifyConsistency(0, 20, [root(1)], root(0), root(20)), false);
    assert.equal(verifyConsistency(7, 7, [root(1)], root(7), root(7)), false);
    assert.equal(verifyConsistency(7, 7, [], root(7), root(6)), false);
  });
});

/**
 * A verifier with the two published bugs switchable, to show the vectors are
 * strong enough to catch each of them (a test of the test data).
 */
function buggyVerifiers(opts: { innerLoop: boolean; prependRoot: boolean }) {
  const inclusion = (leaf: Uint8Array, index: number, size: number, proof: Uint8Array[], root: Uint8Array): boolean => {
    if (index >= size) return false;
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of proof) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        r = nodeHash(p, r);
        while (opts.innerLoop && fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
      } else {
        r = nodeHash(r, p);
      }
      [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    }
    return sn === 0 && Buffer.from(r).equals(root);
  };
  const consistency = (m: number, n: number, proof: Uint8Array[], r1: Uint8Array, r2: Uint8Array): boolean => {
    if (m === n) return proof.length === 0 && Buffer.from(r1).equals(r2);
    if (proof.length === 0) return false;
    const path = opts.prependRoot && (m & (m - 1)) === 0 ? [r1, ...proof] : proof;
    let fn = m - 1;
    let sn = n - 1;
    while (fn % 2 === 1) [fn, sn] = [(fn - 1) / 2, Math.floor(sn / 2)];
    let fr = path[0] as Uint8Array;
    let sr = fr;
    for (const c of path.slice(1)) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while (opts.innerLoop && fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
      } else {
        sr = nodeHash(sr, c);
      }
      [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    }
    return sn === 0 && Buffer.from(fr).equals(r1) && Buffer.from(sr).equals(r2);
  };
  const inclusionOk = vectors.inclusion.every(
    (v) => inclusion(b64(v.leafHash), v.leafIdx, v.treeSize, v.proof.map(b64), b64(v.root)) === !v.wantErr,
  );
  const consistencyOk = vectors.consistency.every(
    (v) => consistency(v.size1, v.size2, v.proof.map(b64), b64(v.root1), b64(v.root2)) === !v.wantErr,
  );
  return { inclusionOk, consistencyOk };
}

describe('the vectors catch the known verifier bugs', () => {
  it('a correct reimplementation passes every vector', () => {
    assert.deepEqual(buggyVerifiers({ innerLoop: true, prependRoot: true }), {
      inclusionOk: true,
      consistencyOk: true,
    });
  });
  it('dropping the inner shift loop fails some vector', () => {
    const r = buggyVerifiers({ innerLoop: false, prependRoot: true });
    assert.equal(r.inclusionOk && r.consistencyOk, false);
  });
  it('not prepending the old root for power-of-two sizes fails some vector', () => {
    assert.equal(buggyVerifiers({ innerLoop: true, prependRoot: false }).consistencyOk, false);
  });
});
