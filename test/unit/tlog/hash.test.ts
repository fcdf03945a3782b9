import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';

import { emptyRoot, foldRight, leafHash, nodeHash, rootFromLeafHashes } from '../../../src/tlog/node.ts';
import { b64, bytes, hex, toHex, vectors } from './helpers.ts';

const v = vectors.rfc6962_hashing;

/** Literal RFC 6962 MTH definition, used as an independent reference. */
function mth(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return new Uint8Array(createHash('sha256').digest());
  if (leaves.length === 1) return leaves[0] as Uint8Array;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describe('RFC 6962 hashing (transparency-dev/merkle vectors)', () => {
  it('hashes every published leaf input to the published leaf hash', () => {
    assert.equal(v.leaf_inputs_hex.length, v.leaf_hashes_hex.length);
    v.leaf_inputs_hex.forEach((input, i) => {
      assert.equal(toHex(leafHash(hex(input))), v.leaf_hashes_hex[i]);
    });
  });

  it('computes the published root for every tree size 0..8', () => {
    const leaves = v.leaf_inputs_hex.map((x) => leafHash(hex(x)));
    for (const [size, root] of Object.entries(v.root_by_tree_size_hex)) {
      assert.equal(toHex(rootFromLeafHashes(leaves.slice(0, Number(size)))), root, `size ${size}`);
    }
  });

  it('matches the Go sumdb "hello world" leaf hash', () => {
    for (const e of v.extra) assert.deepEqual(leafHash(bytes(e.input_utf8)), b64(e.leaf_hash_base64));
  });

  it('uses SHA-256("") as the empty root and distinct leaf/node prefixes', () => {
    assert.equal(toHex(emptyRoot()), v.root_by_tree_size_hex['0']);
    const a = leafHash(bytes('a'));
    assert.notDeepEqual(leafHash(new Uint8Array([...a, ...a])), nodeHash(a, a));
  });

  it('agrees with the recursive MTH definition for sizes 0..300', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => leafHash(bytes(`leaf ${i}`)));
    for (let n = 0; n <= 300; n++) {
      assert.deepEqual(rootFromLeafHashes(leaves.slice(0, n)), mth(leaves.slice(0, n)), `size ${n}`);
    }
  });

  it('foldRight folds perfect subtrees right to left', () => {
    const [a, b, c] = [leafHash(bytes('a')), leafHash(bytes('b')), leafHash(bytes('c'))];
    assert.deepEqual(foldRight([a, b, c]), nodeHash(a, nodeHash(b, c)));
    assert.deepEqual(foldRight([]), emptyRoot());
  });
});
