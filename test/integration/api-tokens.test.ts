/**
 * Issue 10, finding 5: API tokens expire (operator's default and maximum), can be listed and
 * revoked by their owner (admins: any), are created at a bounded rate, record their last use,
 * and keep their label out of the public log. Plus the periodic purge of expired sign-in data.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { makeSignedIn, makeUser } from '../support/factories.ts';
import { ApiError, createClient } from '../../src/contract/client.ts';
import { TOKEN_CREATIONS_PER_HOUR } from '../../src/services/tokens.ts';
import { purgeExpired } from '../../src/services/purge.ts';
import { hashSecret } from '../../src/adapters/secrets.ts';
import type { Deps } from '../../src/services/deps.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
const DAY = 86_400_000;

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  server = await startTestServer(deps);
});
after(async () => {
  await server.close();
  await tdb.close();
});

const bearer = (token: string) => createClient({ baseUrl: server.url, token });
const is = (status: number) => (e: unknown) => e instanceof ApiError && e.status === status;

test('a token expires: the default lifetime, a shorter one on request, never beyond the maximum; expired is 401', async () => {
  const { client } = await makeSignedIn(deps, server.url, 'monitor');
  const plain = await client.call('createToken', { body: { label: 'default' } });
  const days = (iso: string) => Math.round((Date.parse(iso) - Date.now()) / DAY);
  assert.equal(days(plain.expiresAt), deps.auth.tokenDays);
  const short = await client.call('createToken', { body: { label: 'short', expiresInDays: 2 } });
  assert.equal(days(short.expiresAt), 2);
  await assert.rejects(
    client.call('createToken', { body: { label: 'too long', expiresInDays: deps.auth.tokenMaxDays + 1 } }),
    (e: unknown) => is(400)(e) && /expiresInDays/.test((e as ApiError).message),
  );

  assert.ok((await bearer(short.token).call('listOrganisations', {})).items.length > 0);
  await deps.db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', short.id)
    .execute();
  await assert.rejects(bearer(short.token).call('listOrganisations', {}), is(401));
  const listed = await client.call('listTokens', { query: {} });
  assert.equal(listed.items.find((t) => t.id === short.id)?.status, 'expired');
});

test("each account lists its own tokens only; admins may list every account's", async () => {
  const liaison = await makeSignedIn(deps, server.url, 'liaison');
  const observer = await makeSignedIn(deps, server.url, 'observer');
  const admin = await makeSignedIn(deps, server.url, 'admin');
  const mine = await liaison.client.call('createToken', { body: { label: 'liaison laptop' } });
  const theirs = await observer.client.call('createToken', { body: { label: 'observer script' } });

  const liaisonList = await liaison.client.call('listTokens', { query: {} });
  assert.ok(liaisonList.items.some((t) => t.id === mine.id));
  assert.ok(!liaisonList.items.some((t) => t.id === theirs.id), "another account's token is not listed");
  assert.ok(
    liaisonList.items.every((t) => !('token' in t) && !('tokenHash' in t)),
    'never the secret',
  );
  await assert.rejects(liaison.client.call('listTokens', { query: { scope: 'all' } }), is(403));
  const all = await admin.client.call('listTokens', { query: { scope: 'all' } });
  assert.ok(all.items.some((t) => t.id === mine.id) && all.items.some((t) => t.id === theirs.id));
});

test("revoke: own token at once (401 afterwards); not another account's; an admin revokes any", async () => {
  const liaison = await makeSignedIn(deps, server.url, 'liaison');
  const observer = await makeSignedIn(deps, server.url, 'observer');
  const admin = await makeSignedIn(deps, server.url, 'admin');
  const own = await observer.client.call('createToken', { body: { label: 'to revoke' } });
  const others = await liaison.client.call('createToken', { body: { label: 'not yours' } });

  const revoked = await observer.client.call('revokeToken', { params: { id: own.id } });
  assert.equal(revoked.status, 'revoked');
  assert.equal(revoked.version, 2);
  await assert.rejects(bearer(own.token).call('listOrganisations', {}), is(401));
  await assert.rejects(observer.client.call('revokeToken', { params: { id: own.id } }), is(409));

  await assert.rejects(observer.client.call('revokeToken', { params: { id: others.id } }), is(404));
  assert.ok((await bearer(others.token).call('listOrganisations', {})).items.length > 0, 'still works');
  const byAdmin = await admin.client.call('revokeToken', { params: { id: others.id } });
  assert.equal(byAdmin.status, 'revoked');
  await assert.rejects(bearer(others.token).call('listOrganisations', {}), is(401));
  const row = await deps.db
    .selectFrom('api_tokens')
    .select('revoked_by')
    .where('id', '=', others.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.revoked_by, (await admin.client.call('getSession', {})).user.id, 'who revoked is kept');
});

test("a bearer token cannot mint another token (403 naming why); it lists and revokes its own account's, itself included", async () => {
  for (const role of ['observer', 'admin'] as const) {
    const { client } = await makeSignedIn(deps, server.url, role);
    const short = await client.call('createToken', { body: { label: 'short-lived', expiresInDays: 1 } });
    const asToken = bearer(short.token);
    const countTokens = async () => (await client.call('listTokens', { query: {} })).items.length;
    const before = await countTokens();

    // The attack: a one-day token asks for a token of the maximum lifetime.
    await assert.rejects(
      asToken.call('createToken', { body: { label: 'x', expiresInDays: deps.auth.tokenMaxDays } }),
      (e: unknown) => is(403)(e) && /signed-in session/.test((e as ApiError).problem.detail ?? ''),
    );
    await assert.rejects(
      asToken.call('createToken', { body: { label: 'x' } }),
      is(403),
      `${role}: no default one either`,
    );
    assert.equal(await countTokens(), before, 'nothing created');

    // The session it came from still creates tokens.
    await client.call('createToken', { body: { label: 'from the session' } });

    // Listing its account's tokens and revoking with a token still work: a script may clean up after itself.
    const listed = await asToken.call('listTokens', { query: {} });
    assert.ok(listed.items.some((t) => t.id === short.id));
    const other = await client.call('createToken', { body: { label: 'another' } });
    assert.equal((await asToken.call('revokeToken', { params: { id: other.id } })).status, 'revoked');
    assert.equal((await asToken.call('revokeToken', { params: { id: short.id } })).status, 'revoked', 'itself');
    await assert.rejects(asToken.call('listTokens', { query: {} }), is(401), 'revoked at once');
  }
});

test('token creation is rate-limited per account (429 with Retry-After; nothing written)', async () => {
  const { client, user } = await makeSignedIn(deps, server.url, 'coordinator');
  const userId = (await client.call('getSession', {})).user.id;
  for (let i = 0; i < TOKEN_CREATIONS_PER_HOUR; i++)
    await client.call('createToken', { body: { label: `batch ${i}` } });
  const res = await fetch(`${server.url}/api/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: (await signInAs(server.url, user.email, user.password)).cookie,
      'x-csrf-token': '',
    },
    body: JSON.stringify({ label: 'one too many' }),
  });
  assert.equal(res.status, 403, 'CSRF still applies');
  const again = await signInAs(server.url, user.email, user.password);
  const refused = await fetch(`${server.url}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: again.cookie, 'x-csrf-token': again.csrfToken },
    body: JSON.stringify({ label: 'one too many' }),
  });
  assert.equal(refused.status, 429);
  assert.match(refused.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
  const count = await deps.db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), TOKEN_CREATIONS_PER_HOUR);
});

test("a token's label is not in the public log: only its commitment", async () => {
  const { client } = await makeSignedIn(deps, server.url, 'monitor');
  const label = 'Phone of Samir in Khan Younis';
  const created = await client.call('createToken', { body: { label } });
  await client.call('revokeToken', { params: { id: created.id } });
  const changes = await deps.db
    .selectFrom('record_changes')
    .select('payload')
    .where('record_kind', '=', 'api_token')
    .where('record_id', '=', created.id)
    .execute();
  assert.equal(changes.length, 2, 'creation and revocation are both recorded');
  for (const c of changes) {
    const payload = (typeof c.payload === 'string' ? JSON.parse(c.payload) : c.payload) as {
      public: Record<string, unknown>;
      commitments: Record<string, string>;
    };
    assert.ok(!JSON.stringify(payload).includes('Samir'), 'the label text never enters the leaf');
    assert.deepEqual(
      Object.keys(payload.public).sort(),
      ['expiresAt', 'revokedAt'],
      'the owner is no more public than the label',
    );
    assert.match(payload.commitments.label ?? '', /^[0-9a-f]{64}$/);
    assert.match(payload.commitments.userId ?? '', /^[0-9a-f]{64}$/);
  }
  assert.equal(
    (await client.call('listTokens', { query: {} })).items.find((t) => t.id === created.id)?.label,
    label,
    'the owner still reads it',
  );
});

test('last use is recorded, at most once a minute', async () => {
  const { client } = await makeSignedIn(deps, server.url, 'observer');
  const created = await client.call('createToken', { body: { label: 'used' } });
  const lastUsed = async () =>
    (
      await deps.db
        .selectFrom('api_tokens')
        .select('last_used_at')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow()
    ).last_used_at;
  assert.equal(await lastUsed(), null);
  await bearer(created.token).call('listOrganisations', {});
  const first = await lastUsed();
  assert.ok(first, 'set on first use');
  await bearer(created.token).call('listOrganisations', {});
  assert.equal(new Date((await lastUsed())!).getTime(), new Date(first).getTime(), 'not rewritten within the minute');
  const listed = (await client.call('listTokens', { query: {} })).items.find((t) => t.id === created.id);
  assert.equal(listed?.lastUsedAt, new Date(first).toISOString());
});

test('the purge removes expired sessions, old sign-in events and idle throttle keys, in bounded batches, and nothing live', async () => {
  const observer = await makeUser(deps, 'observer');
  const user = observer.row;
  const now = Date.now();
  const sessions = Array.from({ length: 1200 }, (_, i) => ({
    token_hash: hashSecret(`expired-${i}`),
    user_id: user.id,
    csrf_token: 'x',
    created_at: new Date(now - 2 * DAY),
    expires_at: new Date(now - DAY),
  }));
  await deps.db.insertInto('sessions').values(sessions).execute();
  const live = await signInAs(server.url, observer.email, observer.password);
  const oldAt = new Date(now - (deps.auth.signInEventDays + 1) * DAY);
  await deps.db
    .insertInto('sign_in_events')
    .values([
      { email: 'old@truce.example', user_id: null, ok: false, ip: '192.0.2.1', at: oldAt },
      { email: 'recent@truce.example', user_id: null, ok: false, ip: '192.0.2.1', at: new Date(now - DAY) },
    ])
    .execute();
  await deps.db
    .insertInto('sign_in_throttle')
    .values([
      {
        key: 'pair:idle@truce.example|192.0.2.1',
        attempts: 3,
        blocked_until: new Date(now - 2 * DAY),
        updated_at: new Date(now - 2 * DAY),
      },
      {
        key: 'pair:busy@truce.example|192.0.2.1',
        attempts: 3,
        blocked_until: new Date(now + 60_000),
        updated_at: new Date(now),
      },
    ])
    .execute();

  const purged = await purgeExpired(deps);
  assert.ok(purged.sessions >= 1200, `${purged.sessions} sessions`);
  const left = await deps.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('expires_at', '<=', new Date())
    .executeTakeFirstOrThrow();
  assert.equal(Number(left.n), 0);
  assert.ok((await live.client.call('getSession', {})).user, 'a live session survives');
  const emails = (
    await deps.db
      .selectFrom('sign_in_events')
      .select('email')
      .where('email', 'in', ['old@truce.example', 'recent@truce.example'])
      .execute()
  ).map((r) => r.email);
  assert.deepEqual(emails, ['recent@truce.example']);
  const keys = (
    await deps.db
      .selectFrom('sign_in_throttle')
      .select('key')
      .where('key', 'like', 'pair:%@truce.example|192.0.2.1')
      .execute()
  ).map((r) => r.key);
  assert.deepEqual(keys, ['pair:busy@truce.example|192.0.2.1']);
  // Two servers purging at once both finish (SKIP LOCKED), and a second run finds nothing.
  const [a, b] = await Promise.all([purgeExpired(deps), purgeExpired(deps)]);
  assert.equal(a.sessions + b.sessions + a.signInEvents + b.signInEvents, 0);
});
