import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
  decodeEntryBundle,
  decodeHashTile,
  encodeEntryBundle,
  encodeHashTile,
  entriesPath,
  formatTileIndex,
  parseTilePath,
  partialTiles,
  TlogError,
  tileLayout,
  tilePath,
  tileWidth,
} from '../../../src/tlog/node.ts';
import { vectors } from './helpers.ts';
import { makeLeaves } from './tree-fixture.ts';

const isCode = (code: string) => (e: unknown) => e instanceof TlogError && e.code === code;

describe('tile paths', () => {
  it('spells the published example index', () => {
    assert.equal(formatTileIndex(1234067), vectors.tiles.path_examples['1234067']);
  });

  it('formats hash tile and entry bundle paths', () => {
    assert.equal(tilePath(0, 1234067, 5), 'tile/0/x001/x234/067.p/5');
    assert.equal(tilePath(2, 0), 'tile/2/000');
    assert.equal(tilePath(1, 1000, 256), 'tile/1/x001/000');
    assert.equal(entriesPath(0, 15), 'tile/entries/000.p/15');
    assert.equal(entriesPath(999), 'tile/entries/999');
    assert.throws(() => tilePath(64, 0), isCode('invalid-argument'));
    assert.throws(() => tilePath(0, 0, 0), isCode('invalid-argument'));
    assert.throws(() => tilePath(0, 0, 257), isCode('invalid-argument'));
    assert.throws(() => tilePath(0, -1), isCode('invalid-argument'));
  });

  it('parses what it formats (round trip)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 63 }),
        fc.nat({ max: 2 ** 45 }),
        fc.integer({ min: 1, max: 256 }),
        (l, n, w) => {
          assert.deepEqual(parseTilePath(tilePath(l, n, w)), { kind: 'hash', level: l, index: n, width: w });
          assert.deepEqual(parseTilePath(entriesPath(n, w)), { kind: 'entries', index: n, width: w });
        },
      ),
    );
  });

  it('rejects non-canonical spellings so each tile has one URL', () => {
    for (const p of [
      'tile/0/67',
      'tile/0/x000/067',
      'tile/00/067',
      'tile/64/000',
      'tile/0/067.p/0',
      'tile/0/067.p/256',
      'tile/0/067.p/05',
      'tile/0/001/067',
      'tile/0/x001',
      'tiles/0/000',
      'tile/entries',
      'tile/0/000/',
    ]) {
      assert.throws(() => parseTilePath(p), isCode('malformed'), p);
    }
  });
});

describe('tile layout', () => {
  it('matches the published 70,000-leaf example', () => {
    assert.match(vectors.tiles.path_examples['tree 70000'], /273 full L0 tiles, L0 partial width 112/);
    assert.deepEqual(tileLayout(70000), [
      { level: 0, fullTiles: 273, partialWidth: 112 },
      { level: 1, fullTiles: 1, partialWidth: 17 },
      { level: 2, fullTiles: 0, partialWidth: 1 },
    ]);
    assert.deepEqual(partialTiles(70000), [
      { level: 0, index: 273, width: 112 },
      { level: 1, index: 1, width: 17 },
      { level: 2, index: 0, width: 1 },
    ]);
  });

  it('represents 256 leaves as one full L0 tile and a width-1 L1 tile', () => {
    assert.deepEqual(tileLayout(256), [
      { level: 0, fullTiles: 1, partialWidth: 0 },
      { level: 1, fullTiles: 0, partialWidth: 1 },
    ]);
    assert.deepEqual(tileLayout(0), []);
  });

  it('gives the width of any tile at a size', () => {
    assert.equal(tileWidth(0, 272, 70000), 256);
    assert.equal(tileWidth(0, 273, 70000), 112);
    assert.equal(tileWidth(0, 274, 70000), 0);
    assert.equal(tileWidth(1, 1, 70000), 17);
    assert.equal(tileWidth(2, 0, 70000), 1);
    assert.equal(tileWidth(3, 0, 70000), 0);
  });
});

describe('entry bundles', () => {
  it('round-trip any list of 1..256 entries up to 65,535 bytes', () => {
    const entry = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.constant(new Uint8Array(65535)),
      fc.constant(new Uint8Array(0)),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 256 }), (entries) => {
        const encoded = encodeEntryBundle(entries);
        assert.deepEqual(decodeEntryBundle(encoded), entries);
        assert.deepEqual(decodeEntryBundle(encoded, entries.length), entries);
      }),
      { numRuns: 60 },
    );
  });

  it('uses big-endian uint16 length prefixes', () => {
    const e = new Uint8Array(0x1234).fill(7);
    assert.deepEqual(encodeEntryBundle([e]).slice(0, 3), new Uint8Array([0x12, 0x34, 7]));
  });

  it('rejects oversized entries, bad counts and truncated bundles', () => {
    assert.throws(() => encodeEntryBundle([new Uint8Array(65536)]), isCode('invalid-argument'));
    assert.throws(() => encodeEntryBundle([]), isCode('invalid-argument'));
    assert.throws(
      () => encodeEntryBundle(Array.from({ length: 257 }, () => new Uint8Array(1))),
      isCode('invalid-argument'),
    );
    const good = encodeEntryBundle([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
    assert.throws(() => decodeEntryBundle(good.slice(0, -1)), isCode('malformed'));
    assert.throws(() => decodeEntryBundle(good.slice(0, 1)), isCode('malformed'));
    assert.throws(() => decodeEntryBundle(good, 3), isCode('malformed'));
    assert.throws(() => decodeEntryBundle(new Uint8Array(0)), isCode('malformed'));
    assert.throws(() => decodeEntryBundle(new Uint8Array(257 * 2)), isCode('malformed'));
  });
});

describe('hash tiles', () => {
  it('concatenate 32-byte hashes and decode back', () => {
    const hashes = makeLeaves(256);
    const tile = encodeHashTile(hashes);
    assert.equal(tile.length, 8192);
    assert.deepEqual(decodeHashTile(tile), hashes);
    assert.deepEqual(decodeHashTile(tile, 10), hashes.slice(0, 10));
    assert.deepEqual(decodeHashTile(encodeHashTile(hashes.slice(0, 3))), hashes.slice(0, 3));
  });

  it('rejects bad lengths and too-narrow tiles', () => {
    assert.throws(() => decodeHashTile(new Uint8Array(33)), isCode('malformed'));
    assert.throws(() => decodeHashTile(new Uint8Array(0)), isCode('malformed'));
    assert.throws(() => decodeHashTile(new Uint8Array(8192 + 32)), isCode('malformed'));
    assert.throws(() => decodeHashTile(new Uint8Array(64), 3), isCode('malformed'));
    assert.throws(() => encodeHashTile([new Uint8Array(31)]), isCode('invalid-argument'));
    assert.throws(() => encodeHashTile([]), isCode('invalid-argument'));
  });
});
