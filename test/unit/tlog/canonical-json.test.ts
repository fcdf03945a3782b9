import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readFileSync } from 'node:fs';

import { canonicalJson, TlogError, type JsonValue } from '../../../src/tlog/node.ts';

const parse = (text: string): JsonValue => {
  const value: unknown = JSON.parse(text);
  return value as JsonValue;
};

describe('RFC 8785 canonical JSON', () => {
  it('reproduces the reference "values" sample (numbers, escaping, literals)', () => {
    // cyberphone/json-canonicalization testdata/input|output/values.json (RFC 8785 section 3.2.4 example).
    const input = parse(
      '{"numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],' +
        ' "escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    assert.equal(
      canonicalJson(input),
      '{"escaping":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/","literals":[null,true,false],"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}',
    );
  });

  it('sorts keys by UTF-16 code units, not code points or locale (reference "weird" sample)', () => {
    const input = parse(
      '{"\\u20ac": "Euro Sign", "1": "One", "\\u0080": "Control\\u007f", "\\ud83d\\ude02": "Smiley",' +
        ' "\\u00f6": "Latin Small Letter O With Diaeresis", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
        ' "</script>": "Browser Challenge"}',
    );
    assert.equal(
      canonicalJson(input),
      '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\u{1f602}":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    // U+1F602 (surrogates D83D DE02) sorts before U+FB33 although its code point is larger.
    assert.equal(canonicalJson({ '\ufb33': 1, '\u{1f602}': 2 }), '{"\u{1f602}":2,"\ufb33":1}');
  });

  it('formats numbers as ECMAScript does (RFC 8785 appendix B samples)', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [5e-324, '5e-324'],
      [-1.7976931348623157e308, '-1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [295147905179352830000, '295147905179352830000'],
      [1e21, '1e+21'],
      [1e23, '1e+23'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
      [333333333.3333332, '333333333.3333332'],
      [1424953923781206.2, '1424953923781206.2'],
    ];
    for (const [n, text] of cases) assert.equal(canonicalJson([n]), `[${text}]`, text);
  });

  it('omits undefined members, keeps nesting and whitespace-free output', () => {
    assert.equal(
      canonicalJson({ b: [1, { d: true, c: null }], a: undefined, ' ': '' }),
      '{" ":"","b":[1,{"c":null,"d":true}]}',
    );
  });

  it('rejects values JSON.stringify would silently change', () => {
    const isArg = (e: unknown): boolean => e instanceof TlogError && e.code === 'invalid-argument';
    assert.throws(() => canonicalJson(Number.NaN), isArg);
    assert.throws(() => canonicalJson([Number.POSITIVE_INFINITY]), isArg);
    assert.throws(() => canonicalJson({ s: 'a\ud800' }), isArg);
    assert.throws(() => canonicalJson({ ['\udc00']: 1 }), isArg);
    assert.throws(() => canonicalJson(new Date(0) as unknown as JsonValue), isArg);
    assert.throws(() => canonicalJson([undefined] as unknown as JsonValue), isArg);
    assert.throws(() => canonicalJson(1n as unknown as JsonValue), isArg);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    assert.throws(() => canonicalJson(cyclic as JsonValue), isArg);
    // Shared (non-cyclic) references are fine.
    const shared = { x: 1 };
    assert.equal(canonicalJson({ a: shared, b: shared }), '{"a":{"x":1},"b":{"x":1}}');
  });

  it('reproduces, byte for byte, what the canonicalize package gave for a corpus of tricky and random values', () => {
    // Commitments and geometry digests were computed with the `canonicalize` npm package until issue 11
    // made this canonicaliser the only one; the package's answers were frozen into this fixture
    // before it was removed, so a stored commitment stays reproducible.
    const frozen = JSON.parse(readFileSync(new URL('./canonicalize-frozen.json', import.meta.url), 'utf8')) as {
      numbers: { source: string; expected: string }[];
      cases: { name: string; input: string; expected: string }[];
    };
    assert.ok(frozen.numbers.length >= 50 && frozen.cases.length >= 800);
    for (const { source, expected } of frozen.numbers) assert.equal(canonicalJson([Number(source)]), expected, source);
    for (const { name, input, expected } of frozen.cases) assert.equal(canonicalJson(parse(input)), expected, name);
  });
});
