import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword, DUMMY_HASH } from '../../src/adapters/passwords.ts';

test('a password verifies against its own hash only', async () => {
  const h = await hashPassword('correct horse battery staple');
  assert.match(h, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('correct horse battery staple', h), true);
  assert.equal(await verifyPassword('correct horse battery stapler', h), false);
  assert.notEqual(await hashPassword('correct horse battery staple'), h, 'salted: two hashes differ');
});

test('malformed or dummy hashes never verify', async () => {
  assert.equal(await verifyPassword('x', 'not-a-hash'), false);
  assert.equal(await verifyPassword('x', DUMMY_HASH), false);
});
