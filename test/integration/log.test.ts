/**
 * The verifiable record end to end: every write gets a log index, its inclusion proof
 * verifies offline, `truce verify` checks the whole log and the records an account reads, and
 * tampering with a record row, a tile or an entry is detected and named.
 */
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { localEvents } from '../../src/events/local.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openTestDatabase, silentLogger, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { runCli } from '../support/cli.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey, type LogKey } from '../../src/log/keys.ts';
import { auditDatabase } from '../../src/log/audit.ts';
import { decodeLeaf } from '../../src/log/leaf.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { mountLog } from '../../src/api/log-routes.ts';
import { decodeBase64, leafHash, openTlogProof, parseVerifierKey } from '../../src/tlog/node.ts';
import type { Deps } from '../../src/services/deps.ts';
import { writeWithLog } from '../../src/services/write.ts';
import { testKind } from '../support/kinds.ts';

let tdb: TestDatabase;
let deps: Deps;
let key: LogKey;
let server: TestServer;
let tmp: string;
const ORIGIN = 'truce.test/log';

before(async () => {
  tdb = await openTestDatabase();
  key = await loadOrCreateLogKey(tdb.database.db, ORIGIN, new Date());
  const sequencer = new Sequencer(tdb.database.db, key, ORIGIN, systemClock, silentLogger);
  await sequencer.init();
  deps = {
    db: tdb.database.db,
    engine: tdb.database.engine,
    clock: systemClock,
    log: sequencer,
    logger: silentLogger,
    events: localEvents(silentLogger),
    auth: defaultAuthSettings(),
  };
  await seedDemo(deps);
  server = await startTestServer(deps, (a) => mountLog(a, tdb.database.db, key.verifierKey));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-log-'));
});
after(async () => {
  await server.close();
  await tdb.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function tokenFor(email: string): Promise<string> {
  const { client } = await signInAs(server.url, email);
  return (await client.call('createToken', { body: { label: 'verify' } })).token;
}

const verify = (extra: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(['verify', '--url', server.url, '--vkey', key.verifierKey, ...extra], env);

test('a write carries its log index, and its inclusion proof verifies offline', async () => {
  const { client } = await signInAs(server.url, 'coordinator@truce.example');
  const italy = (await client.call('listOrganisations', {})).items.find((o) => o.name === 'Italy')!;
  const written = await client.call('createContribution', {
    body: {
      organisationId: italy.id,
      kind: 'forces',
      capability: 'engineers',
      quantity: 250,
      unit: 'personnel',
      status: 'pledged',
    },
  });
  assert.equal(typeof written.logIndex, 'number');
  const res = await fetch(`${server.url}/api/log/proof?index=${written.logIndex}`);
  assert.equal(res.status, 200);
  const proof = (await res.json()) as { bundle: string; entry: string };
  const entry = decodeBase64(proof.entry, 'entry');
  const verified = openTlogProof(proof.bundle, leafHash(entry), {
    log: [parseVerifierKey(key.verifierKey)],
    origin: ORIGIN,
  });
  assert.equal(verified.index, written.logIndex);
  const leaf = decodeLeaf(entry);
  assert.equal(leaf.kind, 'contribution');
  assert.equal(leaf.id, written.id);
  // The quantity is a figure the mission may withhold: a commitment, never in clear (issue 10, finding 9).
  assert.equal(leaf.public.quantity, undefined);
  assert.match(leaf.commitments.quantity ?? '', /^[0-9a-f]{64}$/);
  // One bit changed in the entry: the same proof no longer verifies.
  const flipped = Uint8Array.from(entry);
  flipped[10]! ^= 1;
  assert.throws(() => openTlogProof(proof.bundle, leafHash(flipped), { log: [parseVerifierKey(key.verifierKey)] }));
});

test('a record edit links to its previous version in the log', async () => {
  const admin = await signInAs(server.url, 'admin@truce.example');
  const user = (await admin.client.call('listUsers', {})).items.find((u) => u.email === 'monitor.un@truce.example')!;
  const first = await admin.client.call('updateUser', { params: { id: user.id }, body: { role: 'observer' } });
  const second = await admin.client.call('updateUser', { params: { id: user.id }, body: { role: 'monitor' } });
  const entryOf = async (i: number) => {
    const p = (await (await fetch(`${server.url}/api/log/proof?index=${i}`)).json()) as { entry: string };
    return decodeLeaf(decodeBase64(p.entry, 'entry'));
  };
  const leaf = await entryOf(second.logIndex!);
  assert.equal(leaf.prev, first.logIndex);
  assert.equal(leaf.op, 'permission');
  assert.ok(
    leaf.commitments.email && !JSON.stringify(leaf).includes('monitor.un@truce.example'),
    'email only as a commitment',
  );
});

test('truce verify passes on an honest log, remembers the checkpoint, and checks readable records', async () => {
  const state = path.join(tmp, 'state.json');
  const token = await tokenFor('observer.il@truce.example');
  const first = await verify(['--state', state], { TRUCE_TOKEN: token });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /entries verified[\s\S]*records you can read match/);
  const second = await verify(['--state', state], { TRUCE_TOKEN: token });
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /consistent with the saved checkpoint/);
});

test('a log that shrank since the saved checkpoint is refused', async () => {
  const state = path.join(tmp, 'bigger.json');
  const cp = await (await fetch(`${server.url}/log/checkpoint`)).text();
  const [origin, size, root] = cp.split('\n');
  fs.writeFileSync(state, JSON.stringify({ origin, size: Number(size) + 5, root }));
  const r = await verify(['--state', state]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /shrank/);
});

test('truce log mirror, then verify --dir offline', async () => {
  const dir = path.join(tmp, 'mirror');
  const m = await runCli(['log', 'mirror', '--url', server.url, dir], {});
  assert.equal(m.code, 0, m.stderr);
  const v = await runCli(['verify', '--dir', dir, '--vkey', key.verifierKey], {});
  assert.equal(v.code, 0, v.stderr);
  const wrongKey = await runCli(
    ['verify', '--dir', dir, '--vkey', 'other+01020304+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAh'],
    {},
  );
  assert.equal(wrongKey.code, 1);
  assert.match(wrongKey.stderr, /signature/);
});

test('a record row edited behind the application is named by audit and by verify', async () => {
  const before = await auditDatabase(tdb.database.db, key.verifierKey);
  assert.deepEqual(before.mismatches, []);
  const row = await tdb.database.db
    .selectFrom('contributions')
    .innerJoin('organisations', 'organisations.id', 'contributions.organisation_id')
    .select('contributions.id')
    .where('organisations.name', '=', 'Indonesia')
    .executeTakeFirstOrThrow();
  // A contribution's figures are commitments in the log (issue 10, finding 9); its public field
  // is who may read them: quietly releasing them to everyone is caught.
  await sql`update contributions set detail_releasability = 'public', releasability = 'public' where id = ${row.id}`.execute(
    tdb.database.db,
  );
  const audit = await auditDatabase(tdb.database.db, key.verifierKey);
  assert.equal(audit.mismatches.length, 1);
  assert.equal(audit.mismatches[0]!.id, row.id);
  assert.match(audit.mismatches[0]!.problem, /detailReleasability/);
  const v = await verify([], { TRUCE_TOKEN: await tokenFor('observer.ps@truce.example') });
  assert.equal(v.code, 1);
  assert.match(v.stderr, new RegExp(`contribution ${row.id} field detailReleasability`));
  await sql`update contributions set detail_releasability = 'mission' where id = ${row.id}`.execute(tdb.database.db);
  // A withheld figure is a commitment: audit recomputes it from the row and its stored salt.
  await sql`update contributions set quantity = quantity + 1 where id = ${row.id}`.execute(tdb.database.db);
  const figures = await auditDatabase(tdb.database.db, key.verifierKey);
  assert.ok(
    figures.mismatches.some((m) => m.id === row.id && /quantity/.test(m.problem)),
    JSON.stringify(figures.mismatches),
  );
  await sql`update contributions set quantity = quantity - 1 where id = ${row.id}`.execute(tdb.database.db);

  const org = await tdb.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Spain')
    .executeTakeFirstOrThrow();
  await sql`delete from organisations where id = ${org.id}`.execute(tdb.database.db);
  const deleted = await auditDatabase(tdb.database.db, key.verifierKey);
  assert.ok(deleted.mismatches.some((m) => m.id === org.id && /missing from the database/.test(m.problem)));
});

test('a changed tile or a removed entry fails verification', async () => {
  // Entries of the rightmost, partial bundle sit one row each in log_entries; make sure there are a few.
  const loose = async () => tdb.database.db.selectFrom('log_entries').select(['idx', 'data']).orderBy('idx').execute();
  while ((await loose()).length < 2) {
    await writeWithLog(deps, (_tx, record) =>
      record({
        kind: testKind('test_note'),
        id: String(Date.now()),
        version: 1,
        op: 'create',
        at: new Date(),
        actor: null,
        public: {},
      }),
    );
  }
  // Servers keep what never changes in memory (full tiles, and tiles cut to a width once read), so
  // tamper with the stored rightmost tile at a width no one has read yet: one more entry makes it.
  const note = (id: string) =>
    writeWithLog(deps, (_tx, record) =>
      record({ kind: testKind('test_note'), id, version: 1, op: 'create', at: new Date(), actor: null, public: {} }),
    );
  await note(`tile-${Date.now()}`);
  const { size } = await tdb.database.db.selectFrom('log_state').select('size').executeTakeFirstOrThrow();
  const idx = Math.floor(size / 256);
  const tile = await tdb.database.db
    .selectFrom('log_tiles')
    .selectAll()
    .where('level', '=', 0)
    .where('idx', '=', idx)
    .executeTakeFirstOrThrow();
  const changed = Buffer.from(tile.data);
  changed[0]! ^= 0x80;
  await tdb.database.db
    .updateTable('log_tiles')
    .set({ data: changed })
    .where('level', '=', 0)
    .where('idx', '=', idx)
    .execute();
  const r = await verify([]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`hash tile tile/0/${String(idx).padStart(3, '0')}`));
  await tdb.database.db
    .updateTable('log_tiles')
    .set({ data: tile.data })
    .where('level', '=', 0)
    .where('idx', '=', idx)
    .execute();
  // The server remembers the width it served tampered; the log grows and the next width is honest again.
  await note(`restored-${Date.now()}`);
  assert.equal((await verify([])).code, 0, 'restored');

  // Replace the last entry by the one before (a leaf "removed" and the gap hidden): the root no
  // longer matches. Entries of the rightmost, partial bundle sit one row each in log_entries.
  const [entry1, entry2] = (await loose()).slice(-2) as [
    { idx: number; data: Uint8Array },
    { idx: number; data: Uint8Array },
  ];
  await tdb.database.db.updateTable('log_entries').set({ data: entry1.data }).where('idx', '=', entry2.idx).execute();
  const r2 = await verify([]);
  assert.equal(r2.code, 1);
  assert.match(r2.stderr, /an entry was changed or removed/);
  await tdb.database.db.updateTable('log_entries').set({ data: entry2.data }).where('idx', '=', entry2.idx).execute();
  assert.equal((await verify([])).code, 0, 'restored');
});
