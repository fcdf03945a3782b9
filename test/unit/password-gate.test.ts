/** The password-check gate: a bounded number of checks at once, a short bounded queue, then refusal. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PasswordGate } from '../../src/adapters/password-gate.ts';

test('a waiting check gets the next free slot, in order', async () => {
  const gate = new PasswordGate(1, 2, 5_000);
  const first = gate.tryEnter()!;
  const order: string[] = [];
  const a = gate.enter().then((r) => {
    order.push('a');
    return r;
  });
  const b = gate.enter().then((r) => {
    order.push('b');
    return r;
  });
  first();
  const ra = await a;
  assert.ok(ra);
  ra();
  const rb = await b;
  assert.ok(rb);
  assert.deepEqual(order, ['a', 'b']);
  rb();
  assert.ok(gate.tryEnter(), 'every slot was given back');
});

test('beyond the queue a check is refused at once; in the queue, after the wait', async () => {
  const gate = new PasswordGate(1, 1, 50);
  const held = gate.tryEnter()!;
  const queued = gate.enter();
  assert.equal(await gate.enter(), undefined, 'the queue is full: refused at once');
  assert.equal(await queued, undefined, 'no slot freed within the wait: refused');
  held();
  assert.ok(gate.tryEnter(), 'a refused waiter took no slot');
});
