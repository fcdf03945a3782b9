/**
 * The pure-JS SHA-256 the browser adapter installs: FIPS 180-4 examples, node:crypto on random
 * inputs split into random parts, and the published RFC 6962 hashing vectors with the browser
 * adapter installed (then Node's again, for the other tests of this process).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';

import { sha256Js } from '../../../src/tlog/sha256.ts';
import { browserCrypto } from '../../../src/tlog/browser.ts';
import { installTlogCrypto, leafHash, nodeCrypto, rootFromLeafHashes } from '../../../src/tlog/node.ts';
import { hex, toHex, vectors } from './helpers.ts';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('pure-JS SHA-256', () => {
  after(() => installTlogCrypto(nodeCrypto));

  it('gives the FIPS 180-4 example digests', () => {
    assert.equal(toHex(sha256Js(text('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(toHex(sha256Js()), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(
      toHex(sha256Js(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    assert.equal(
      toHex(sha256Js(text('a'.repeat(1_000_000)))),
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto on random inputs split into random parts, around every padding boundary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 4 }), (data, cuts) => {
        const bounds = [0, ...cuts.map((c) => c % (data.length + 1)).sort((a, b) => a - b), data.length];
        const parts = bounds.slice(1).map((end, i) => data.subarray(bounds[i], end));
        assert.equal(toHex(sha256Js(...parts)), createHash('sha256').update(data).digest('hex'));
      }),
      { numRuns: 500 },
    );
    for (let n = 50; n <= 130; n++) {
      const data = new Uint8Array(n).map((_, i) => i * 7);
      assert.equal(toHex(sha256Js(data)), createHash('sha256').update(data).digest('hex'), `${n} bytes`);
    }
  });

  it('gives the published RFC 6962 leaf hashes and roots when installed as the browser adapter', () => {
    installTlogCrypto(browserCrypto);
    const v = vectors.rfc6962_hashing;
    const leaves = v.leaf_inputs_hex.map((x) => leafHash(hex(x)));
    leaves.forEach((h, i) => assert.equal(toHex(h), v.leaf_hashes_hex[i]));
    for (const [size, root] of Object.entries(v.root_by_tree_size_hex)) {
      assert.equal(toHex(rootFromLeafHashes(leaves.slice(0, Number(size)))), root, `size ${size}`);
    }
  });
});
