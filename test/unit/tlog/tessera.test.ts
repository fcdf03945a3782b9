/**
 * Reproduces the tessera testdata log (15 entries) from its published test
 * key: entry bundle, level-0 tile, every signed checkpoint byte for byte
 * (Ed25519 is deterministic), and the computed_here proofs and tlog-proof.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  appendEntries,
  appendLeafHashes,
  consistencyProofFromTiles,
  emptyTreeState,
  encodeEntryBundle,
  formatTlogProof,
  inclusionProofFromTiles,
  leafHash,
  openCheckpoint,
  openTlogProof,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  verifyConsistency,
  verifyInclusion,
  type TileFetcher,
} from '../../../src/tlog/node.ts';
import { b64, bytes, toHex, vectors } from './helpers.ts';

const t = vectors.tiles;
const entries = t.entries_utf8.map(bytes);
const leaves = entries.map(leafHash);
const checkpoints = t.checkpoints as Record<string, string>;
const origin = 'example.com/log/testdata';

/** The log built one entry per batch, with a checkpoint after each, as tessera's build_log.sh does. */
function buildLog() {
  const tiles = new Map<string, Uint8Array>();
  const bundles = new Map<string, Uint8Array>();
  const roots: Uint8Array[] = [];
  let state = emptyTreeState();
  let partial: readonly Uint8Array[] = [];
  roots.push(appendLeafHashes(state, []).root);
  for (let i = 0; i < entries.length; i++) {
    const r = appendLeafHashes(state, [leaves[i] as Uint8Array]);
    for (const tile of r.tiles) tiles.set(`${tile.level}/${tile.index}/${tile.width}`, tile.data);
    const b = appendEntries(i, partial, [entries[i] as Uint8Array]);
    for (const bundle of b.bundles) bundles.set(`${bundle.index}/${bundle.width}`, bundle.data);
    state = r.state;
    partial = b.partial;
    roots.push(r.root);
  }
  const getTile: TileFetcher = (level, index, width) => {
    const data = tiles.get(`${level}/${index}/${width}`);
    if (data === undefined) throw new Error(`missing tile ${level}/${index}/${width}`);
    return data;
  };
  return { tiles, bundles, roots, getTile };
}

describe('tessera testdata log', () => {
  const log = buildLog();
  const signer = parseSignerKey(t.skey_go_format);
  const verifier = parseVerifierKey(t.vkey);

  it('encodes the published 15-entry bundle', () => {
    assert.equal(toHex(encodeEntryBundle(entries)), t.entry_bundle_15_hex);
    assert.equal(toHex(log.bundles.get('0/15') as Uint8Array), t.entry_bundle_15_hex);
  });

  it('builds the published level-0 partial tile of width 15', () => {
    assert.equal(toHex(log.tiles.get('0/0/15') as Uint8Array), t.level0_tile_15_hex);
  });

  it('derives the signer from the published key', () => {
    assert.equal(`${signer.name}+${signer.keyId.toString(16)}`, 'example.com/log/testdata+33d7b496');
  });

  for (let size = 0; size <= 15; size++) {
    it(`signs checkpoint ${size} byte for byte and verifies the published one`, () => {
      const root = log.roots[size] as Uint8Array;
      const signed = signCheckpoint({ origin, size, root, extensions: [] }, [signer]);
      assert.equal(signed, checkpoints[String(size)]);
      const { checkpoint } = openCheckpoint(checkpoints[String(size)] ?? '', [verifier], origin);
      assert.deepEqual(checkpoint.root, root);
    });
  }

  it('computes the computed_here inclusion proof (index 6, size 15) from tiles', async () => {
    const proof = await inclusionProofFromTiles(6, 15, log.getTile);
    assert.deepEqual(proof, t.computed_here.inclusion_idx6_size15_base64.map(b64));
    assert.equal(verifyInclusion(leaves[6] as Uint8Array, 6, 15, proof, log.roots[15] as Uint8Array), true);
  });

  it('computes the computed_here consistency proof (3 -> 15) from tiles', async () => {
    const proof = await consistencyProofFromTiles(3, 15, log.getTile);
    assert.deepEqual(proof, t.computed_here.consistency_3_to_15_base64.map(b64));
    assert.equal(verifyConsistency(3, 15, proof, log.roots[3] as Uint8Array, log.roots[15] as Uint8Array), true);
  });

  it('formats the tlog-proof example exactly and verifies it for entry "seven"', async () => {
    const proof = await inclusionProofFromTiles(6, 15, log.getTile);
    const text = formatTlogProof({ index: 6, proof, checkpoint: checkpoints['15'] ?? '' });
    assert.equal(text, t.computed_here.tlog_proof_example);
    const ok = openTlogProof(text, leafHash(bytes('seven')), { log: [verifier], origin });
    assert.equal(ok.index, 6);
    assert.equal(ok.checkpoint.size, 15);
  });
});
