import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { decodeBase64, encodeBase64, hasLoneSurrogate, parseDecimal } from '../../../src/tlog/encoding.ts';
import { TlogError } from '../../../src/tlog/node.ts';

const malformed = (e: unknown): boolean => e instanceof TlogError && e.code === 'malformed';

describe('strict base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (data) => {
        assert.deepEqual(decodeBase64(encodeBase64(data), 'x'), data);
      }),
    );
  });

  it('accepts exactly one spelling per value', () => {
    assert.deepEqual(decodeBase64('AA==', 'x'), new Uint8Array([0]));
    // "AB==" decodes to the same byte with non-zero padding bits; Buffer would accept it.
    for (const bad of ['AB==', 'AA', 'AA=', '-_8=', 'AA==\n', ' AA==', 'A===', 'AAA=A']) {
      assert.throws(() => decodeBase64(bad, 'x'), malformed, bad);
    }
  });
});

describe('decimal parsing', () => {
  it('accepts canonical safe integers only', () => {
    assert.equal(parseDecimal('0', 'n'), 0);
    assert.equal(parseDecimal('9007199254740991', 'n'), Number.MAX_SAFE_INTEGER);
    for (const bad of ['', '00', '01', '-1', '+1', '1.0', '1e3', ' 1', '9007199254740992', '18446744073709551615']) {
      assert.throws(() => parseDecimal(bad, 'n'), malformed, bad);
    }
  });
});

describe('lone surrogates', () => {
  it('flags unpaired surrogates only', () => {
    assert.equal(hasLoneSurrogate('a\u{1f602}b'), false);
    assert.equal(hasLoneSurrogate('a\ud83d'), true);
    assert.equal(hasLoneSurrogate('\ude02a'), true);
  });
});
