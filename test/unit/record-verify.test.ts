/**
 * The browser's verifier (web/src/features/record/verify.ts: src/tlog on its browser adapter,
 * pure-JS SHA-256 and WebCrypto Ed25519) against the published inclusion vectors and against
 * proof bundles made by the server side: every honest proof verifies, every tampered one fails.
 * The browser adapter is installed for the whole file (Node only signs here, which needs no
 * installed primitive but SHA-256, the same in both).
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { verifyEntry, VerificationFailed } from '../../web/src/features/record/verify.ts';
import {
  browserCrypto,
  installTlogCrypto,
  parseVerifierKey,
  TlogError,
  verifyInclusion,
} from '../../src/tlog/browser.ts';
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

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr?: boolean;
}
const vectors = JSON.parse(fs.readFileSync('test/unit/tlog/tlog-vectors.json', 'utf8')) as {
  inclusion: InclusionVector[];
};
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

before(() => installTlogCrypto(browserCrypto));

test('every published inclusion vector gives the expected answer with the browser adapter', () => {
  for (const v of vectors.inclusion) {
    const ok = verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, (v.proof ?? []).map(b64), b64(v.root));
    assert.equal(ok, !v.wantErr, v.desc);
  }
});

function makeLog(n: number) {
  const signer = ed25519Signer('truce.test/browser', generateKeyPairSync('ed25519').privateKey);
  const entries = Array.from({ length: n }, (_, i) =>
    new TextEncoder().encode(JSON.stringify({ v: 1, kind: 'test', id: `r${i}`, version: 1 })),
  );
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
      const bundle = formatTlogProof({
        index: i,
        proof: inclusionProofFromLeaves(i, log.hashes),
        checkpoint: log.checkpoint,
      });
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
  const bundle = formatTlogProof({
    index: 4,
    proof: inclusionProofFromLeaves(4, log.hashes),
    checkpoint: log.checkpoint,
  });
  const entry = encodeBase64(log.entries[4]!);
  await assert.rejects(
    verifyEntry(encodeBase64(log.entries[5]!), bundle, log.vkey),
    VerificationFailed,
    'another entry',
  );
  const flipped = bundle.replace(
    /\nindex 4\n([A-Za-z0-9+/])/,
    (_m, c: string) => `\nindex 4\n${c === 'A' ? 'B' : 'A'}`,
  );
  await assert.rejects(verifyEntry(entry, flipped, log.vkey), VerificationFailed, 'a changed proof hash');
  await assert.rejects(
    verifyEntry(entry, bundle.replace('\n9\n', '\n10\n'), log.vkey),
    VerificationFailed,
    'a changed checkpoint',
  );
  const other = makeLog(9);
  await assert.rejects(verifyEntry(entry, bundle, other.vkey), VerificationFailed, 'another log key');
  await assert.rejects(
    verifyEntry(entry, bundle.replace('index 4', 'index 3'), log.vkey),
    VerificationFailed,
    'another index',
  );
});

test('in a browser the library refuses synchronous Ed25519 verifiers instead of answering wrongly', () => {
  const log = makeLog(1);
  assert.throws(
    () => parseVerifierKey(log.vkey),
    (err: unknown) => err instanceof TlogError && err.code === 'unavailable',
  );
});

test('a WebCrypto note verifier answers only for the note it checked (fails closed)', async () => {
  const { webCryptoNoteVerifier, openCheckpoint, parseNote } = await import('../../src/tlog/browser.ts');
  const log = makeLog(3);
  const verifier = await webCryptoNoteVerifier(log.vkey, log.checkpoint);
  assert.equal(openCheckpoint(log.checkpoint, [verifier], log.signer.name).checkpoint.size, 3);
  const sig = parseNote(log.checkpoint).signatures[0]!;
  assert.equal(verifier.verify(parseNote(log.checkpoint).text, sig.signature), true);
  assert.equal(
    verifier.verify(parseNote(log.checkpoint).text.replace('\n3\n', '\n4\n'), sig.signature),
    false,
    'another text',
  );
  const other = makeLog(3);
  assert.equal(
    verifier.verify(parseNote(other.checkpoint).text, parseNote(other.checkpoint).signatures[0]!.signature),
    false,
    'a signature it never checked',
  );
  await assert.rejects(
    webCryptoNoteVerifier(log.vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'), log.checkpoint),
    TlogError,
    'a key whose id does not match',
  );
});
