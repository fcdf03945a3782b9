import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
  appendEntries,
  appendLeafHashes,
  consistencyProof,
  consistencyProofFromTiles,
  emptyTreeState,
  encodeEntryBundle,
  encodeHashTile,
  inclusionProof,
  inclusionProofFromTiles,
  rootFromLeafHashes,
  rootFromTiles,
  stateRoot,
  tileLayout,
  TlogError,
  treeStateFromPartialTiles,
  type TileFetcher,
  type TileTreeState,
  type TileWrite,
} from '../../../src/tlog/node.ts';
import { buildTree, makeLeaves, type TreeFixture } from './tree-fixture.ts';

/** The tiles a tree of `size` leaves must have, computed directly from all node levels. */
function referenceTiles(tree: TreeFixture, size: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const { level, fullTiles, partialWidth } of tileLayout(size)) {
    const row = tree.levels[level * 8] as Uint8Array[];
    for (let t = 0; t < fullTiles; t++) out.set(`${level}/${t}`, encodeHashTile(row.slice(t * 256, t * 256 + 256)));
    if (partialWidth > 0) {
      out.set(`${level}/${fullTiles}`, encodeHashTile(row.slice(fullTiles * 256, fullTiles * 256 + partialWidth)));
    }
  }
  return out;
}

/** A tile store that keeps every version written, like a log serving partial tiles per checkpoint. */
class TileStore {
  readonly byWidth = new Map<string, Uint8Array>();
  readonly latest = new Map<string, Uint8Array>();
  readonly requests: string[] = [];

  write(tiles: readonly TileWrite[]): void {
    for (const t of tiles) {
      assert.equal(t.data.length, t.width * 32);
      this.byWidth.set(`${t.level}/${t.index}/${t.width}`, t.data);
      this.latest.set(`${t.level}/${t.index}`, t.data);
    }
  }

  /** Serves only the newest version of each tile, as a log that deletes superseded partial tiles would. */
  readonly fetchLatest: TileFetcher = (level, index) => {
    const t = this.latest.get(`${level}/${index}`);
    if (t === undefined) throw new Error(`no tile ${level}/${index}`);
    return t;
  };

  readonly fetch: TileFetcher = (level, index, width) => {
    this.requests.push(`${level}/${index}/${width}`);
    const t = this.byWidth.get(`${level}/${index}/${width}`) ?? this.byWidth.get(`${level}/${index}/256`);
    if (t === undefined) throw new Error(`no tile ${level}/${index}/${width}`);
    return Promise.resolve(t);
  };
}

/** Partial tiles of a state, as a caller would read them back from storage. */
function storedPartials(store: TileStore, size: number): Uint8Array[][] {
  return tileLayout(size).map(({ level, fullTiles, partialWidth }) => {
    if (partialWidth === 0) return [];
    const data = store.byWidth.get(`${level}/${fullTiles}/${partialWidth}`) as Uint8Array;
    return Array.from({ length: partialWidth }, (_, i) => data.slice(i * 32, i * 32 + 32));
  });
}

/** Batch sizes; at least one is positive so the batching loop always progresses. */
const cutsArb = (max: number) =>
  fc
    .array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 12 })
    .map((c) => (c.some((x) => x > 0) ? c : [...c, 1]));

const sizeArb = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(255, 256, 257, 511, 512, 513, 1024, 2000));

describe('tile builder', () => {
  it('gives the same tiles and root for any batch split as all at once (property)', async () => {
    await fc.assert(
      fc.asyncProperty(sizeArb, cutsArb(700), fc.nat(), async (size, cuts, seed) => {
        const tree = buildTree(makeLeaves(size, seed));
        const store = new TileStore();
        let state: TileTreeState = emptyTreeState();
        let at = 0;
        const boundaries: number[] = [];
        for (let i = 0; at < size; i++) {
          const take = Math.min(size - at, cuts[i % cuts.length] as number);
          const result = appendLeafHashes(state, tree.leaves.slice(at, at + take));
          at += take;
          state = result.state;
          store.write(result.tiles);
          assert.deepEqual(result.root, rootFromLeafHashes(tree.leaves.slice(0, at)), `root at ${at}`);
          // Every tile written in this batch is exactly the reference tile for the new size.
          const ref = referenceTiles(tree, at);
          for (const t of result.tiles)
            assert.deepEqual(t.data, ref.get(`${t.level}/${t.index}`), `tile ${t.level}/${t.index}@${at}`);
          // Restarting from stored partial tiles gives the same state.
          assert.deepEqual(treeStateFromPartialTiles(at, storedPartials(store, at)), state);
          if (take > 0) boundaries.push(at);
        }
        const all = appendLeafHashes(emptyTreeState(), tree.leaves);
        assert.deepEqual(all.root, stateRoot(state));
        const reference = referenceTiles(tree, size);
        assert.deepEqual(store.latest, reference);
        assert.deepEqual(new Map(all.tiles.map((t) => [`${t.level}/${t.index}`, t.data])), reference);

        // Proofs computed from the stored tiles, at the final size and at an earlier checkpoint.
        const earlier = boundaries[Math.floor(boundaries.length / 2)] as number;
        for (const n of [size, earlier]) {
          assert.deepEqual(await rootFromTiles(n, store.fetch), rootFromLeafHashes(tree.leaves.slice(0, n)));
          const index = (seed * 7919) % n;
          assert.deepEqual(
            await inclusionProofFromTiles(index, n, store.fetch),
            inclusionProof(index, n, tree.getHash),
          );
          const m = 1 + (seed % n);
          assert.deepEqual(await consistencyProofFromTiles(m, n, store.fetch), consistencyProof(m, n, tree.getHash));
          // Wider or full replacements of the tiles the size needs give the same proofs (tiles only grow).
          assert.deepEqual(
            await inclusionProofFromTiles(index, n, store.fetchLatest),
            inclusionProof(index, n, tree.getHash),
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('builds three tile levels for 70,000 leaves and proves from them', async () => {
    const tree = buildTree(makeLeaves(70000, 7));
    const store = new TileStore();
    let state = emptyTreeState();
    for (let at = 0; at < 70000; at += 4096) {
      const r = appendLeafHashes(state, tree.leaves.slice(at, at + 4096));
      store.write(r.tiles);
      state = r.state;
    }
    assert.deepEqual(store.latest, referenceTiles(tree, 70000));
    assert.equal(store.latest.get('2/0')?.length, 32);
    assert.equal(store.latest.get('1/1')?.length, 17 * 32);
    assert.deepEqual(stateRoot(state), rootFromLeafHashes(tree.leaves));
    for (const index of [0, 65535, 65536, 69999]) {
      assert.deepEqual(
        await inclusionProofFromTiles(index, 70000, store.fetch),
        inclusionProof(index, 70000, tree.getHash),
      );
    }
    assert.deepEqual(
      await consistencyProofFromTiles(65537, 70000, store.fetch),
      consistencyProof(65537, 70000, tree.getHash),
    );
    // Only the three partial tiles are read by partial width; sealed tiles are read as full.
    store.requests.length = 0;
    await rootFromTiles(70000, store.fetch);
    assert.deepEqual(store.requests.sort(), ['0/273/112', '1/1/17', '2/0/1']);
  });

  it('rewrites only the tiles an appended leaf touches', () => {
    const leaves = makeLeaves(5000, 3);
    const state = appendLeafHashes(emptyTreeState(), leaves.slice(0, 4999)).state;
    // One leaf onto 4999 (binary 1001110000111) carries through 3 trailing ones: at most a handful of tiles change.
    const r = appendLeafHashes(state, leaves.slice(4999));
    assert.deepEqual(
      r.tiles.map((t) => `${t.level}/${t.index}/${t.width}`),
      ['0/19/136'],
    );
    assert.deepEqual(r.root, rootFromLeafHashes(leaves));
  });

  it('rejects inconsistent states and bad hashes', () => {
    const isArg = (e: unknown): boolean => e instanceof TlogError && e.code === 'invalid-argument';
    const good = appendLeafHashes(emptyTreeState(), makeLeaves(10)).state;
    assert.throws(() => appendLeafHashes({ ...good, frontier: good.frontier.slice(1) }, []), isArg);
    assert.throws(() => appendLeafHashes({ ...good, size: 11 }, []), isArg);
    assert.throws(() => appendLeafHashes(good, [new Uint8Array(31)]), isArg);
    assert.throws(() => treeStateFromPartialTiles(10, [makeLeaves(9)]), isArg);
    assert.throws(() => treeStateFromPartialTiles(256, [[]]), isArg);
  });
});

describe('entry bundle builder', () => {
  it('gives the same bundles for any batch split (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1200 }), cutsArb(400), (size, cuts) => {
        const entries = Array.from({ length: size }, (_, i) => new TextEncoder().encode(`entry ${i}`));
        const latest = new Map<number, Uint8Array>();
        let partial: readonly Uint8Array[] = [];
        for (let at = 0, i = 0; at < size; i++) {
          const take = Math.min(size - at, cuts[i % cuts.length] as number);
          const r = appendEntries(at, partial, entries.slice(at, at + take));
          for (const b of r.bundles) latest.set(b.index, b.data);
          partial = r.partial;
          at += take;
        }
        const expected = new Map<number, Uint8Array>();
        for (let t = 0; t * 256 < size; t++) expected.set(t, encodeEntryBundle(entries.slice(t * 256, t * 256 + 256)));
        assert.deepEqual(latest, expected);
        assert.equal(partial.length, size % 256);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects a partial bundle that does not match the size and oversized entries', () => {
    assert.throws(() => appendEntries(3, [], [new Uint8Array(1)]), TlogError);
    assert.throws(() => appendEntries(0, [], [new Uint8Array(65536)]), TlogError);
  });
});
