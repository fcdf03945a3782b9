/**
 * The capability list: every registry is derived from it, so what it yields is checked here
 * (the compile-time checks in src/capabilities/index.ts cover the lists below the services).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_READERS, capabilities, handlers, migrations, TOPICS } from '../../src/capabilities/index.ts';
import { routes } from '../../src/contract/routes.ts';
import { logRoutes } from '../../src/contract/routes/log.ts';
import { ACTIONS } from '../../src/domain/policy.ts';
import { RECORD_KINDS } from '../../src/log/kinds/index.ts';

test('migrations keep the names databases recorded them under', () => {
  // A database remembers each migration by name: renaming one would run it again.
  assert.deepEqual(Object.keys(migrations).sort(), [
    '001-foundation',
    '002-log',
    '003-geo',
    '004-monitoring',
    '005-force',
    '006-compliance',
    '007-witnessing',
    '008-sign-in-and-tokens',
    '009-leaf-v2',
    '011-releasability',
    '012-ruling-reviews',
    '014-coarse-locations',
    '015-report-imports',
    '016-consent',
    '017-party-keys',
    '018-meetings',
    '020-report-facts-and-places',
    '022-ruling-appeals',
    '023-decision-added-orgs',
  ]);
});

test('capabilities have distinct names and do not share a route, a record kind, an action or a topic', () => {
  const names = capabilities.map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
  const once = (what: string, all: readonly string[]) => {
    const seen = new Set<string>();
    for (const x of all) {
      assert.ok(!seen.has(x), `${what} ${x} is defined by two capabilities`);
      seen.add(x);
    }
  };
  once(
    'route',
    capabilities.flatMap((c) => Object.keys(c.routes)),
  );
  once(
    'record kind',
    capabilities.flatMap((c) => c.recordKinds.map((k) => k.kind)),
  );
  once(
    'action',
    capabilities.flatMap((c) => c.policy.actions),
  );
  once('topic', TOPICS);
  once(
    'migration',
    capabilities.flatMap((c) => Object.keys(c.migrations)),
  );
});

test('the manifests cover every route, action and record kind of the lower lists, in their order', () => {
  const served = Object.keys(routes).filter((id) => !(id in logRoutes));
  assert.deepEqual(capabilities.flatMap((c) => Object.keys(c.routes)).sort(), [...served].sort());
  assert.deepEqual(Object.keys(handlers).sort(), [...served].sort());
  assert.deepEqual([...capabilities.flatMap((c) => c.policy.actions)].sort(), [...ACTIONS].sort());
  assert.deepEqual(
    capabilities.flatMap((c) => c.recordKinds.map((k) => k.kind)).sort(),
    RECORD_KINDS.map((k) => k.kind).sort(),
  );
  assert.ok(API_READERS.length >= capabilities.length);
});

test('event topics are those the event-stream routes declare', () => {
  assert.deepEqual([...TOPICS].sort(), ['compliance', 'consent', 'handover', 'incident', 'report']);
});

test('demo parts run with sectors first and plans before reports (the order the demo was stored in)', () => {
  assert.deepEqual(
    capabilities.filter((c) => c.demo !== undefined).map((c) => c.name),
    ['geo', 'force', 'monitoring', 'compliance', 'consent'],
  );
});
