/**
 * Every record kind is defined once, by one capability: its name, what its entries publish and
 * commit, and (unless it says otherwise) how `truce audit` reads it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDITED_KINDS, RECORD_KIND_LISTS, RECORD_KINDS } from '../../src/log/kinds/index.ts';

test('no two capabilities define the same record kind', () => {
  const owner = new Map<string, number>();
  RECORD_KIND_LISTS.forEach((list, capability) => {
    for (const k of list) {
      assert.ok(
        !owner.has(k.kind),
        `record kind ${k.kind} is defined twice (lists ${owner.get(k.kind)} and ${capability})`,
      );
      owner.set(k.kind, capability);
    }
  });
  assert.equal(owner.size, RECORD_KINDS.length);
});

test('every record kind has its public and restricted field definitions', () => {
  for (const k of RECORD_KINDS) {
    assert.match(k.kind, /^[a-z][a-z_]*$/, `kind name ${k.kind}`);
    assert.equal(typeof k.public, 'function', `${k.kind}: public fields`);
    assert.equal(typeof k.restricted, 'function', `${k.kind}: restricted fields`);
    assert.equal(typeof k.fields, 'function', `${k.kind}: both parts`);
  }
});

test('truce audit reads every kind the writers log, except those that say they are not audited', () => {
  assert.deepEqual(
    RECORD_KINDS.filter((k) => k.load === null).map((k) => k.kind),
    ['api_token'],
  );
  assert.deepEqual(
    AUDITED_KINDS.map((k) => k.kind),
    RECORD_KINDS.map((k) => k.kind).filter((k) => k !== 'api_token'),
  );
});
