/**
 * The `truce` CLI as an operator uses it, against the configured database: in this process (the
 * same program and exit codes), and twice as the real child process (bin/truce.js), once ending
 * well and once failing, so the entrypoint itself stays tested.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { dbEnv, runCli, runCliProcess } from '../support/cli.ts';
import { startTestServer } from '../support/server.ts';
import { createClient } from '../../src/contract/client.ts';

let tdb: TestDatabase;
let env: NodeJS.ProcessEnv;

before(async () => {
  // The CLI applies migrations itself; start from an empty database.
  tdb = await openTestDatabase({ migrate: false });
  env = dbEnv(tdb);
  if (tdb.database.engine === 'pglite') await tdb.database.close(); // let the CLI take DATA_DIR
});
after(async () => {
  await tdb.close();
});

test('every command has --help', async () => {
  for (const args of [
    [],
    ['serve'],
    ['migrate'],
    ['demo', 'seed'],
    ['org', 'add'],
    ['user', 'add'],
    ['token', 'create'],
    ['token', 'list'],
    ['token', 'revoke'],
    ['backup'],
    ['restore'],
    ['db', 'copy'],
  ]) {
    const r = await runCli([...args, '--help'], env);
    assert.equal(r.code, 0, `truce ${args.join(' ')} --help`);
    assert.match(r.stdout, /Usage: truce/);
  }
});

test('migrate, then demo seed loads once and is a no-op the second time', async () => {
  const m = await runCliProcess(['migrate'], env);
  assert.equal(m.code, 0, m.stderr);
  const first = await runCli(['demo', 'seed'], env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /demo scenario loaded/);
  const second = await runCli(['demo', 'seed'], env);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /already loaded/);
});

test('org add, user add with --password-stdin, token create; the token works on the API', async () => {
  const org = await runCli(['org', 'add', '--name', 'Norway', '--kind', 'state', '--country', 'NO'], env);
  assert.equal(org.code, 0, org.stderr);
  const user = await runCli(
    [
      'user',
      'add',
      '--email',
      'Liaison.NO@truce.example',
      '--name',
      'Norwegian liaison',
      '--org',
      'Norway',
      '--role',
      'liaison',
      '--password-stdin',
    ],
    env,
    'a-long-enough-password\n',
  );
  assert.equal(user.code, 0, user.stderr);
  assert.match(user.stdout, /liaison\.no@truce\.example\tliaison/);
  const token = await runCli(['token', 'create', '--email', 'liaison.no@truce.example'], env);
  assert.equal(token.code, 0, token.stderr);
  const secret = token.stdout.trim().split('\n').at(-1)!;
  assert.match(secret, /^truce_[A-Za-z0-9_-]{40,}$/);

  const reopened = await openTestDatabase.reopen(tdb);
  const server = await startTestServer(testDeps(reopened));
  try {
    const client = createClient({ baseUrl: server.url, token: secret });
    const orgs = await client.call('listOrganisations', {});
    assert.ok(orgs.items.some((o) => o.name === 'Norway' && o.country === 'NO'));
  } finally {
    await server.close();
    if (reopened.engine === 'pglite') await reopened.close();
  }
});

test('token create --expires, token list, token revoke; a revoked token is refused (401)', async () => {
  const created = await runCli(
    ['token', 'create', '--email', 'liaison.no@truce.example', '--label', 'backup job', '--expires', '7'],
    env,
  );
  assert.equal(created.code, 0, created.stderr);
  const [idLine, secret] = created.stdout.trim().split('\n');
  const id = /token id (\S+) expires (\S+)/.exec(idLine ?? '');
  assert.ok(id, idLine);
  assert.equal(Math.round((Date.parse(id[2]!) - Date.now()) / 86_400_000), 7);
  const tooLong = await runCli(['token', 'create', '--email', 'liaison.no@truce.example', '--expires', '100000'], env);
  assert.equal(tooLong.code, 2);
  assert.match(tooLong.stderr, /expiresInDays/);

  const listed = await runCli(['token', 'list', '--email', 'liaison.no@truce.example'], env);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, new RegExp(`^${id[1]}\t\\S+\tactive\t.*\tbackup job$`, 'm'));
  const revoked = await runCli(['token', 'revoke', id[1]!], env);
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.match((await runCli(['token', 'list'], env)).stdout, new RegExp(`^${id[1]}\t\\S+\trevoked\t`, 'm'));

  const reopened = await openTestDatabase.reopen(tdb);
  const server = await startTestServer(testDeps(reopened));
  try {
    const res = await fetch(`${server.url}/api/organisations`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(res.status, 401);
  } finally {
    await server.close();
    if (reopened.engine === 'pglite') await reopened.close();
  }
});

test('bad options get a clear message naming the option, and change nothing', async () => {
  const badKind = await runCliProcess(['org', 'add', '--name', 'Nowhere', '--kind', 'planet'], env);
  assert.equal(badKind.code, 2);
  assert.match(badKind.stderr, /kind/);
  const noCountry = await runCli(['org', 'add', '--name', 'Nowhere', '--kind', 'state'], env);
  assert.equal(noCountry.code, 2);
  assert.match(noCountry.stderr, /country/);
  const shortPassword = await runCli(
    [
      'user',
      'add',
      '--email',
      'x@truce.example',
      '--name',
      'X',
      '--org',
      'Norway',
      '--role',
      'monitor',
      '--password-stdin',
    ],
    env,
    'short\n',
  );
  assert.equal(shortPassword.code, 2);
  assert.match(shortPassword.stderr, /password/);
  const unknownOrg = await runCli(
    [
      'user',
      'add',
      '--email',
      'x@truce.example',
      '--name',
      'X',
      '--org',
      'Atlantis',
      '--role',
      'monitor',
      '--password-stdin',
    ],
    env,
    'a-long-enough-password\n',
  );
  assert.equal(unknownOrg.code, 2);
  assert.match(unknownOrg.stderr, /Atlantis/);
  const reopened = await openTestDatabase.reopen(tdb);
  try {
    const orgs = await reopened.db.selectFrom('organisations').select('name').where('name', '=', 'Nowhere').execute();
    assert.equal(orgs.length, 0);
    const users = await reopened.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'x@truce.example')
      .execute();
    assert.equal(users.length, 0);
  } finally {
    if (reopened.engine === 'pglite') await reopened.close();
  }
});
