/** Pure rules of sign-in throttling and of the client address behind trusted proxies. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressKey,
  delayAfter,
  keysFor,
  reserve,
  THROTTLE_RULES,
} from '../../src/domain/accounts/sign-in-throttle.ts';
import { clientAddress, parseTrustProxy } from '../../src/api/http/client-address.ts';

test('backoff: free attempts, then doubling, never beyond the cap', () => {
  const rule = THROTTLE_RULES.pair;
  assert.equal(delayAfter(rule, rule.freeAttempts - 1), 0);
  assert.equal(delayAfter(rule, rule.freeAttempts), rule.baseDelayMs);
  assert.equal(delayAfter(rule, rule.freeAttempts + 1), rule.baseDelayMs * 2);
  assert.equal(delayAfter(rule, 10_000), rule.maxDelayMs);
});

test('a reservation counts the attempt as failed in advance; a blocked key says how long to wait; an idle key is forgotten', () => {
  const rule = THROTTLE_RULES.pair;
  const now = new Date('2026-01-01T00:00:00Z');
  let state;
  for (let i = 0; i < rule.freeAttempts; i++) {
    const r = reserve(rule, state, now);
    assert.ok(r.ok);
    state = r.next;
  }
  const refused = reserve(rule, state, now);
  assert.deepEqual(refused, { ok: false, retryAfterMs: rule.baseDelayMs });
  assert.ok(reserve(rule, state, new Date(now.getTime() + rule.baseDelayMs)).ok);
  const later = reserve(rule, state, new Date(now.getTime() + rule.forgetAfterMs + 1));
  assert.ok(later.ok && later.next.attempts === 1);
});

test('a trusted device is throttled on its own key only; others on account, address and both (IPv6 by /64)', () => {
  assert.deepEqual(
    keysFor('a@x', '10.0.0.1', 'nonce').map((k) => k.key),
    ['device:nonce'],
  );
  assert.deepEqual(
    keysFor('a@x', '2001:db8:1:2:3:4:5:6', undefined).map((k) => k.key),
    ['pair:a@x|2001:db8:1:2::/64', 'account:a@x', 'address:2001:db8:1:2::/64'],
  );
  assert.equal(addressKey('2001:db8::1'), addressKey('2001:db8:0:0:ffff::2'));
});

test('X-Forwarded-For is believed only as far as the operator trusts proxies', () => {
  const none = parseTrustProxy('');
  assert.equal(clientAddress('127.0.0.1', '6.6.6.6', none), '127.0.0.1');
  assert.equal(clientAddress('::ffff:10.0.0.2', '6.6.6.6, 192.0.2.1', parseTrustProxy('1')), '192.0.2.1');
  assert.equal(clientAddress('10.0.0.2', '6.6.6.6, 192.0.2.1, 10.0.0.3', parseTrustProxy('2')), '192.0.2.1');
  assert.equal(
    clientAddress('10.0.0.2', '192.0.2.1', parseTrustProxy('5')),
    '192.0.2.1',
    'fewer entries than hops: the farthest',
  );
  const list = parseTrustProxy('10.0.0.2, 10.0.0.3');
  assert.equal(clientAddress('10.0.0.2', '6.6.6.6, 192.0.2.1, 10.0.0.3', list), '192.0.2.1');
  assert.equal(clientAddress('192.0.2.9', '6.6.6.6', list), '192.0.2.9', 'an untrusted peer is the client');
  assert.throws(() => parseTrustProxy('proxy.example'));
});
