import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  cosign,
  formatSignatureLine,
  formatTlogProof,
  leafHash,
  openTlogProof,
  parseCosignerKey,
  parseSignerKey,
  parseTlogProof,
  parseVerifierKey,
  TlogError,
  type TlogErrorCode,
} from '../../../src/tlog/node.ts';
import { b64, bytes, specNote, vectors } from './helpers.ts';

const t = vectors.tiles;
const w = vectors.cosignature[0];
if (w === undefined) throw new Error('cosignature vector missing');
const example = t.computed_here.tlog_proof_example;
const checkpoint15 = (t.checkpoints as Record<string, string>)['15'] ?? '';
const log = [parseVerifierKey(t.vkey)];
const seven = leafHash(bytes('seven'));
const hasCode = (code: TlogErrorCode) => (e: unknown) => e instanceof TlogError && e.code === code;

describe('tlog-proof format', () => {
  it('parses the example and formats it back identically', () => {
    const p = parseTlogProof(example);
    assert.equal(p.index, 6);
    assert.deepEqual(p.proof, t.computed_here.inclusion_idx6_size15_base64.map(b64));
    assert.equal(p.checkpoint, checkpoint15);
    assert.equal(p.extra, undefined);
    assert.equal(formatTlogProof(p), example);
  });

  it('carries optional extra data on the second line', () => {
    const p = { ...parseTlogProof(example), extra: bytes('vrf proof') };
    const text = formatTlogProof(p);
    assert.equal(text.split('\n')[1], `extra ${Buffer.from('vrf proof').toString('base64')}`);
    assert.deepEqual(parseTlogProof(text), p);
    assert.deepEqual(openTlogProof(text, seven, { log }).extra, bytes('vrf proof'));
  });

  it('rejects malformed proofs', () => {
    for (const bad of [
      example.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'),
      example.replace('index 6', 'index 06'),
      example.replace('index 6\n', ''),
      example.replace('index 6', 'extra !!\nindex 6'),
      example.replace('ThcgoV2DYcK+VCxBUDWAlNxmLy2r7dq7dK7+OlgQKWs=', 'AAAA'),
      example.slice(0, example.indexOf('\n\n')),
    ]) {
      assert.throws(() => parseTlogProof(bad), hasCode('malformed'), bad.slice(0, 60));
    }
  });
});

describe('openTlogProof', () => {
  it('verifies the example for the right entry and rejects any other', () => {
    assert.equal(openTlogProof(example, seven, { log, origin: 'example.com/log/testdata' }).checkpoint.size, 15);
    assert.throws(() => openTlogProof(example, leafHash(bytes('six')), { log }), hasCode('proof-failed'));
    assert.throws(() => openTlogProof(example.replace('index 6', 'index 5'), seven, { log }), hasCode('proof-failed'));
  });

  it('requires the log signature and the expected origin', () => {
    assert.throws(
      () => openTlogProof(example, seven, { log: [parseVerifierKey(specNote.vkey)] }),
      hasCode('unverified'),
    );
    assert.throws(() => openTlogProof(example, seven, { log, origin: 'truce.example/other' }), hasCode('unverified'));
  });

  it('enforces a witness quorum with cosignatures', () => {
    const witness = parseSignerKey(w.witness_skey_go_format);
    const body = checkpoint15.slice(0, checkpoint15.indexOf('\n\n') + 1);
    const line = formatSignatureLine(cosign(body, 1700000000, witness.name, witness.privateKey));
    const cosigned = `${example}${line}`;
    const witnesses = [parseCosignerKey(w.cosigner_vkey_type04)];
    assert.throws(() => openTlogProof(example, seven, { log, witnesses }), hasCode('unverified'));
    const ok = openTlogProof(cosigned, seven, { log, witnesses });
    assert.deepEqual(
      ok.cosignatures.map((c) => [c.name, c.timestamp]),
      [['witness', 1700000000]],
    );
    assert.throws(() => openTlogProof(cosigned, seven, { log, witnesses, quorum: 2 }), hasCode('unverified'));
  });
});
