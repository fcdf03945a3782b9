import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeConfig, loadConfig } from '../../src/config.ts';

test('defaults follow the README', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.demo, true);
  assert.match(c.dataDir, /\/data$/);
});

test('bad variables are named', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty', TRUCE_DEMO: 'yes' }), /PORT[\s\S]*TRUCE_DEMO/);
});

test('the database password is never printed', () => {
  const d = describeConfig(loadConfig({ DATABASE_URL: 'postgres://truce:s3cret@db.example:5432/truce' }));
  assert.doesNotMatch(JSON.stringify(d), /s3cret/);
});
