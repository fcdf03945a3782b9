/**
 * The browser's verifier (web/src/features/record/verify.ts, WebCrypto) against the published
 * inclusion vectors and against proof bundles made by our server-side library: every honest
 * proof verifies, every tampered one fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { verifyEntry, verifyInclusion, VerificationFailed } from '../../web/src/features/record/verify.ts';
import {
  cosigner,
  ed25519Signer,
  encodeBase64,
  formatTlogProof,
  inclusionProofFromLeaves,
  leafHash,
  rootFromLeafHashes,
  signCheckpoint,
  verifierKeyOf,
} from '../../src/tlog/node.ts';

interface InclusionVector { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr?: boolean }
const vectors = JSON.parse(fs.readFileSync('test/unit/tlog/tlog-vectors.json', 'utf8')) as { inclusion: InclusionVector[] };
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

test('every published inclusion vector gives the expected answer in the browser verifier', async () => {
  for (const v of vectors.inclusion) {
    const ok = await verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, (v.proof ?? []).map(b64), b64(v.root));
    assert.equal(ok, !v.wantErr, v.desc);
  }
});

function makeLog(n: number) {
  const signer = ed25519Signer('truce.test/browser', generateKeyPairSync('ed25519').privateKey);
  const entries = Array.from({ length: n }, (_, i) => new TextEncoder().encode(JSON.stringify({ v: 1, kind: 'test', id: `r${i}`, version: 1 })));
  const hashes = entries.map(leafHash);
  const root = rootFromLeafHashes(hashes);
  const witness = cosigner('witness.test/w', generateKeyPairSync('ed25519').privateKey, () => 1_700_000_000);
  const checkpoint = signCheckpoint({ origin: signer.name, size: n, root, extensions: [] }, [signer, witness]);
  return { signer, entries, hashes, checkpoint, vkey: verifierKeyOf(signer) };
}

test('bundles from the server library verify for every index of odd and even trees', async () => {
  for (const n of [1, 2, 7, 8, 13]) {
    const log = makeLog(n);
    for (let i = 0; i < n; i++) {
      const bundle = formatTlogProof({ index: i, proof: inclusionProofFromLeaves(i, log.hashes), checkpoint: log.checkpoint });
      const r = await verifyEntry(encodeBase64(log.entries[i]!), bundle, log.vkey);
      assert.equal(r.index, i);
      assert.equal(r.size, n);
      assert.deepEqual(r.cosigners, ['witness.test/w']);
      assert.equal(r.entry.id, `r${i}`);
    }
  }
});

test('a changed entry, proof, checkpoint or key fails with a reason', async () => {
  const log = makeLog(9);
  const bundle = formatTlogProof({ index: 4, proof: inclusionProofFromLeaves(4, log.hashes), checkpoint: log.checkpoint });
  const entry = encodeBase64(log.entries[4]!);
  await assert.rejects(verifyEntry(encodeBase64(log.entries[5]!), bundle, log.vkey), VerificationFailed, 'another entry');
  const flipped = bundle.replace(/\nindex 4\n([A-Za-z0-9+/])/, (_m, c: string) => `\nindex 4\n${c === 'A' ? 'B' : 'A'}`);
  await assert.rejects(verifyEntry(entry, flipped, log.vkey), VerificationFailed, 'a changed proof hash');
  await assert.rejects(verifyEntry(entry, bundle.replace('\n9\n', '\n10\n'), log.vkey), VerificationFailed, 'a changed checkpoint');
  const other = makeLog(9);
  await assert.rejects(verifyEntry(entry, bundle, other.vkey), VerificationFailed, 'another log key');
  await assert.rejects(verifyEntry(entry, bundle.replace('index 4', 'index 3'), log.vkey), VerificationFailed, 'another index');
});
