import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  formatCheckpoint,
  generateSignerKey,
  openCheckpoint,
  parseCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  TlogError,
} from '../../../src/tlog/node.ts';
import { b64, monkeys, sumdb } from './helpers.ts';

const isCode = (code: string) => (e: unknown) => e instanceof TlogError && e.code === code;
const ROOT = 'mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=';

describe('checkpoint vectors', () => {
  it('opens the real sum.golang.org checkpoint', () => {
    const { checkpoint } = openCheckpoint(sumdb.checkpoint, [parseVerifierKey(sumdb.vkey)], sumdb.origin);
    assert.equal(checkpoint.origin, sumdb.origin);
    assert.equal(checkpoint.size, sumdb.size);
    assert.deepEqual(checkpoint.root, b64(ROOT));
    assert.deepEqual(checkpoint.extensions, []);
  });

  it('opens both witness test checkpoints', () => {
    const v = [parseVerifierKey(monkeys.vkey)];
    assert.equal(openCheckpoint(monkeys.size5, v, 'monkeys').checkpoint.size, 5);
    assert.equal(openCheckpoint(monkeys.size8, v, 'monkeys').checkpoint.size, 8);
  });

  it('rejects a checkpoint for another origin or signed by another key', () => {
    assert.throws(
      () => openCheckpoint(sumdb.checkpoint, [parseVerifierKey(sumdb.vkey)], 'other'),
      isCode('unverified'),
    );
    assert.throws(() => openCheckpoint(sumdb.checkpoint, [parseVerifierKey(monkeys.vkey)]), isCode('unverified'));
  });
});

describe('checkpoint bodies', () => {
  it('round-trips with extension lines', () => {
    const cp = { origin: 'truce.example/gaza-2025', size: 0, root: b64(ROOT), extensions: ['ext one', 'two'] };
    const text = formatCheckpoint(cp);
    assert.equal(text, `truce.example/gaza-2025\n0\n${ROOT}\next one\ntwo\n`);
    assert.deepEqual(parseCheckpoint(text), cp);
  });

  it('signs and opens', () => {
    const { skey, vkey } = generateSignerKey('truce.example/gaza-2025');
    const cp = { origin: 'truce.example/gaza-2025', size: 12, root: b64(ROOT), extensions: [] };
    const signed = signCheckpoint(cp, [parseSignerKey(skey)]);
    assert.deepEqual(openCheckpoint(signed, [parseVerifierKey(vkey)], cp.origin).checkpoint, cp);
  });

  it('rejects malformed bodies', () => {
    for (const bad of [
      `o\n1\n${ROOT}`,
      `o\n1\n`,
      `\n1\n${ROOT}\n`,
      `o\n01\n${ROOT}\n`,
      `o\n-1\n${ROOT}\n`,
      `o\n+1\n${ROOT}\n`,
      `o\n9007199254740992\n${ROOT}\n`,
      `o\n1\n${ROOT.slice(0, -1)}\n`,
      `o\n1\nAAAA\n`,
      `o\n1\n${ROOT}\n\n`,
    ]) {
      assert.throws(() => parseCheckpoint(bad), isCode('malformed'), JSON.stringify(bad));
    }
    assert.throws(
      () => formatCheckpoint({ origin: '', size: 1, root: b64(ROOT), extensions: [] }),
      isCode('invalid-argument'),
    );
    assert.throws(
      () => formatCheckpoint({ origin: 'o', size: 1.5, root: b64(ROOT), extensions: [] }),
      isCode('invalid-argument'),
    );
    assert.throws(
      () => formatCheckpoint({ origin: 'o', size: 1, root: new Uint8Array(31), extensions: [] }),
      isCode('invalid-argument'),
    );
    assert.throws(
      () => formatCheckpoint({ origin: 'o', size: 1, root: b64(ROOT), extensions: [''] }),
      isCode('invalid-argument'),
    );
  });

  it('accepts the largest safe size and nothing above', () => {
    assert.equal(parseCheckpoint(`o\n9007199254740991\n${ROOT}\n`).size, Number.MAX_SAFE_INTEGER);
  });
});
