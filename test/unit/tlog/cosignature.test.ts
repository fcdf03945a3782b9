import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  cosign,
  cosignatureMessage,
  cosignatureTimestamp,
  cosignatureVerifier,
  cosignerFromSignerKey,
  cosignerKeyId,
  formatCosignerKey,
  formatSignatureLine,
  openCheckpoint,
  openCosignatures,
  openNote,
  parseCosignerKey,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  TlogError,
  verifierKeyOf,
} from '../../../src/tlog/node.ts';
import { flipBit, monkeys, toHex, vectors } from './helpers.ts';

const v = vectors.cosignature[0];
if (v === undefined) throw new Error('cosignature vector missing');

describe('tlog-cosignature (computed from the published witness test key)', () => {
  const witness = parseSignerKey(v.witness_skey_go_format);

  it('derives both key strings and the 0x04 key id', () => {
    assert.equal(verifierKeyOf(witness), v.witness_vkey_as_note_key_type01);
    assert.equal(formatCosignerKey(witness.name, witness.publicKey), v.cosigner_vkey_type04);
    assert.equal(cosignerKeyId(witness.name, witness.publicKey).toString(16).padStart(8, '0'), v.key_id_type04_hex);
  });

  it('builds the signed message and reproduces the cosignature line', () => {
    assert.equal(cosignatureMessage(v.checkpoint_body, v.timestamp), v.signed_message);
    const sig = cosign(v.checkpoint_body, v.timestamp, witness.name, witness.privateKey);
    assert.equal(formatSignatureLine(sig), `${v.cosignature_line}\n`);
    assert.equal(cosignatureTimestamp(sig), v.timestamp);
    const signer = cosignerFromSignerKey(v.witness_skey_go_format, () => v.timestamp);
    assert.equal(signNote(v.checkpoint_body, [signer]).split('\n\n')[1], `${v.cosignature_line}\n`);
  });

  it('verifies the cosigned log checkpoint with log and witness keys', () => {
    const cosigned = `${monkeys.size8}${v.cosignature_line}\n`;
    const { checkpoint, note } = openCheckpoint(cosigned, [parseVerifierKey(monkeys.vkey)], 'monkeys');
    assert.equal(checkpoint.size, 8);
    assert.deepEqual(openCosignatures(note, [parseCosignerKey(v.cosigner_vkey_type04)]), [
      { name: 'witness', keyId: 0x24b37851, timestamp: 1700000000 },
    ]);
    // A plain-note verifier for the same key must not accept a cosignature (domain separation).
    assert.throws(() => openNote(cosigned, [parseVerifierKey(v.witness_vkey_as_note_key_type01)]), TlogError);
  });

  it('rejects a cosignature with a changed timestamp, body or signature bit', () => {
    const verifier = cosignatureVerifier(witness.name, witness.publicKey);
    const sig = cosign(v.checkpoint_body, v.timestamp, witness.name, witness.privateKey).signature;
    assert.equal(verifier.verify(v.checkpoint_body, sig), true);
    for (const bit of [0, 63, 64, 300, 575]) {
      assert.equal(verifier.verify(v.checkpoint_body, flipBit(sig, bit)), false, `bit ${bit}`);
    }
    assert.equal(verifier.verify(v.checkpoint_body.replace('8', '9'), sig), false);
    assert.equal(verifier.verify(v.checkpoint_body, sig.slice(1)), false);
    const overflow = new Uint8Array(sig);
    overflow[0] = 0x80;
    assert.equal(verifier.verify(v.checkpoint_body, overflow), false);
  });

  it('throws bad-signature when a trusted cosigner line does not verify', () => {
    const line = v.cosignature_line.replace('JLN4UQAAAABlU/EA', 'JLN4UQAAAABlU/EB');
    const note = parseNote(`${monkeys.size8}${line}\n`);
    assert.throws(
      () => openCosignatures(note, [parseCosignerKey(v.cosigner_vkey_type04)]),
      (e: unknown) => e instanceof TlogError && e.code === 'bad-signature',
    );
  });

  it('rejects a plain vkey as cosigner key and bad timestamps', () => {
    assert.throws(() => parseCosignerKey(v.witness_vkey_as_note_key_type01), TlogError);
    assert.throws(() => cosign(v.checkpoint_body, -1, witness.name, witness.privateKey), TlogError);
    assert.equal(
      toHex(cosign(v.checkpoint_body, 0, witness.name, witness.privateKey).signature.slice(0, 8)),
      '0000000000000000',
    );
  });
});
