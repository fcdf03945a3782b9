import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
  computeKeyId,
  ed25519Signer,
  formatNote,
  generateSignerKey,
  openNote,
  parseKeyString,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  TlogError,
  verifierKeyOf,
  type NoteVerifier,
} from '../../../src/tlog/node.ts';
import { bytes, goNote as go, specNote as spec, sumdb, vectors } from './helpers.ts';

const isCode = (code: string) => (e: unknown) => e instanceof TlogError && e.code === code;

describe('signed-note vectors', () => {
  it('verifies the C2SP spec example and recovers the signed text', () => {
    const opened = openNote(spec.note, [parseVerifierKey(spec.vkey)]);
    assert.equal(opened.text, spec.signedText);
    assert.equal(opened.verified.length, 1);
  });

  it('reproduces the Go x/mod signature byte for byte from the published private key', () => {
    const signer = parseSignerKey(go.skey);
    assert.equal(verifierKeyOf(signer), go.vkey);
    assert.equal(signNote(go.text, [signer]), go.signed);
  });

  it('verifies a two-signature note with one or both keys, ignoring the unknown one', () => {
    const peter = parseVerifierKey(go.vkey);
    const enoch = parseVerifierKey(go.secondVkey);
    const both = openNote(go.twoSigs, [peter, enoch]);
    assert.deepEqual(
      both.verified.map((s) => s.name),
      ['PeterNeumann', 'EnochRoot'],
    );
    const one = openNote(go.twoSigs, [enoch]);
    assert.deepEqual(
      one.verified.map((s) => s.name),
      ['EnochRoot'],
    );
    assert.deepEqual(
      one.unverified.map((s) => s.name),
      ['PeterNeumann'],
    );
    assert.equal(formatNote(parseNote(go.twoSigs)), go.twoSigs);
  });

  it('splits verifier keys on the first two "+" only (base64 may contain "+")', () => {
    const k = parseKeyString(sumdb.vkey);
    assert.equal(k.name, 'sum.golang.org');
    assert.equal(k.keyId, 0x033de0ae);
    assert.equal(k.type, 1);
    assert.equal(k.key.length, 32);
  });
});

describe('keys', () => {
  it('computes key ids as SHA-256(name || \\n || type || key)[:4]', () => {
    const k = parseKeyString(go.vkey);
    assert.equal(computeKeyId(k.name, 1, k.key), 0xc74f20a3);
    assert.notEqual(computeKeyId(k.name, 4, k.key), 0xc74f20a3);
  });

  it('generates keys whose Go-format private key parses back to the same signer', () => {
    const { skey, vkey } = generateSignerKey('truce.example/test-log');
    assert.match(skey, /^PRIVATE\+KEY\+truce\.example\/test-log\+[0-9a-f]{8}\+A/);
    const signer = parseSignerKey(skey);
    assert.equal(verifierKeyOf(signer), vkey);
    const note = signNote('hello\n', [signer]);
    assert.equal(openNote(note, [parseVerifierKey(vkey)]).text, 'hello\n');
  });

  it('rejects malformed key strings', () => {
    const [name, id, key] = go.vkey.split('+') as [string, string, string];
    for (const bad of [
      `${name}+${id}`,
      `${name}+${id.toUpperCase()}+${key}`,
      `${name}+00000000+${key}`,
      `bad name+${id}+${key}`,
      `${name}+${id}+${key.slice(0, -1)}`,
      `${name}+${id}+${key}=`,
    ]) {
      assert.throws(() => parseVerifierKey(bad), isCode('malformed'), bad);
    }
    assert.throws(() => parseVerifierKey(vectors.cosignature[0]?.cosigner_vkey_type04 ?? ''), isCode('malformed'));
    assert.throws(() => parseSignerKey(go.vkey), isCode('malformed'));
    assert.throws(() => parseSignerKey(go.skey.replace('c74f20a3', 'c74f20a4')), isCode('malformed'));
  });
});

describe('note parsing and opening', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = ed25519Signer('example.com/a', privateKey);
  const verifier = parseVerifierKey(verifierKeyOf(signer));

  it('keeps blank lines inside the text (the text ends at the last blank line)', () => {
    const note = signNote('a\n\nb\n', [signer]);
    assert.equal(openNote(note, [verifier]).text, 'a\n\nb\n');
    assert.equal(openNote(bytes(note), [verifier]).text, 'a\n\nb\n');
  });

  it('rejects malformed notes', () => {
    const good = signNote('text\n', [signer]);
    for (const bad of [
      good.slice(0, -1),
      good.replace('\n\n', '\n'),
      good.replace('— ', '- '),
      good.replace('text', 'te\u0007xt'),
      good.replace('text', 'te\ud800xt'),
      'text\n\n',
      `text\n\n${'— example.com/a AAAAAAAA\n'.repeat(101)}`,
      good.replace(/ ([A-Za-z0-9+/=]+)\n$/, ' AAAA\n'),
    ]) {
      assert.throws(() => parseNote(bad), isCode('malformed'), JSON.stringify(bad));
    }
    assert.throws(() => parseNote(new Uint8Array([0x74, 0xff, 0x0a])), isCode('malformed'));
    assert.throws(() => signNote('no newline', [signer]), isCode('invalid-argument'));
  });

  it('accepts at least 16 signatures and ignores unknown keys', () => {
    const others = Array.from({ length: 15 }, (_, i) =>
      ed25519Signer(`w${i}.example`, generateKeyPairSync('ed25519').privateKey),
    );
    const note = signNote('x\n', [...others, signer]);
    const opened = openNote(note, [verifier]);
    assert.equal(opened.verified.length, 1);
    assert.equal(opened.unverified.length, 15);
  });

  it('rejects notes with no trusted signature, or a failing trusted one', () => {
    const stranger: NoteVerifier = parseVerifierKey(go.vkey);
    assert.throws(() => openNote(signNote('x\n', [signer]), [stranger]), isCode('unverified'));
    const forged = signNote('x\n', [signer]).replace('x\n', 'y\n');
    assert.throws(() => openNote(forged, [verifier]), isCode('bad-signature'));
  });

  it('fails verification after any single-bit flip of the signed note (property)', () => {
    const note = signNote('example.com/log\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', [signer]);
    const raw = bytes(note);
    fc.assert(
      fc.property(fc.nat({ max: raw.length * 8 - 1 }), (bit) => {
        const flipped = new Uint8Array(raw);
        flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
        // Either the note no longer parses, or no trusted signature verifies: never accepted.
        assert.throws(() => openNote(flipped, [verifier]), TlogError);
      }),
      { numRuns: 400 },
    );
  });
});
