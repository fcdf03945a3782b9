/**
 * Witnessing on both engines: a real witness (its own database, its own key, real HTTP)
 * cosigns the log's consistent growth; a rollback or a fork (same size, different root) is
 * refused; two racing requests cannot both move it; and a server configured with witnesses
 * publishes only checkpoints a quorum cosigned.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { listen, startTestServer, type TestServer } from '../support/server.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey, type LogKey } from '../../src/log/keys.ts';
import { WitnessPublisher } from '../../src/log/publisher.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { mountLog } from '../../src/api/log-routes.ts';
import { writeWithLog } from '../../src/services/write.ts';
import { createWitnessApp } from '../../src/witness/app.ts';
import { migrateWitness, type WitnessDB } from '../../src/witness/schema.ts';
import { loadOrCreateWitnessKey, type WitnessKey } from '../../src/witness/store.ts';
import {
  consistencyProofFromTiles,
  formatAddCheckpointRequest,
  openCosignatures,
  openNote,
  parseCheckpoint,
  parseCosignerKey,
  parseNote,
  parseVerifierKey,
  signCheckpoint,
} from '../../src/tlog/node.ts';
import { readHashTile } from '../../src/log/tree-store.ts';
import type { Deps } from '../../src/services/deps.ts';
import { testKind } from '../support/kinds.ts';

const ORIGIN = 'truce.test/witnessed';

let logDb: TestDatabase;
let witnessDb: TestDatabase;
let key: LogKey;
let sequencer: Sequencer;
let deps: Deps;
let witnessKey: WitnessKey;
let witness: TestServer;

before(async () => {
  logDb = await openTestDatabase();
  key = await loadOrCreateLogKey(logDb.database.db, ORIGIN, new Date());
  sequencer = new Sequencer(logDb.database.db, key, ORIGIN, systemClock, silentLogger);
  await sequencer.init();
  deps = { ...testDeps(logDb.database), log: sequencer };

  witnessDb = await openTestDatabase({ migrate: false });
  const wdb = witnessDb.database.db as unknown as Kysely<WitnessDB>;
  await migrateWitness(wdb as unknown as Kysely<unknown>);
  witnessKey = await loadOrCreateWitnessKey(wdb, 'witness.test/w1', new Date());
  const app = createWitnessApp({
    db: wdb,
    key: witnessKey,
    logVerifierKeys: [key.verifierKey],
    now: () => new Date(),
    logger: silentLogger,
  });
  witness = await listen(app.fetch);
});
after(async () => {
  await witness.close();
  await witnessDb.close();
  await logDb.close();
});

/** Appends `n` record changes to the log and returns the new signed checkpoint. */
async function grow(n: number): Promise<{ size: number; checkpoint: string }> {
  await writeWithLog(deps, async (_tx, record) => {
    for (let i = 0; i < n; i++) {
      await record({
        kind: testKind('test_note'),
        id: randomBytes(8).toString('hex'),
        version: 1,
        op: 'create',
        at: new Date(),
        actor: null,
        public: { i },
      });
    }
  });
  return logDb.database.db
    .selectFrom('log_state')
    .select(['size', 'checkpoint'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

const tiles = (l: number, n: number, w: number) => readHashTile(logDb.database.db, l, n, w).then((t) => t!);

async function addCheckpoint(
  oldSize: number,
  checkpoint: string,
  proof: Uint8Array[] = [],
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${witness.url}/add-checkpoint`, {
    method: 'POST',
    body: formatAddCheckpointRequest({ oldSize, proof, checkpoint }),
  });
  return { status: res.status, body: await res.text() };
}

const witnessSize = async () =>
  Number(
    (
      await (witnessDb.database.db as unknown as Kysely<WitnessDB>)
        .selectFrom('witness_logs')
        .select('size')
        .where('origin', '=', ORIGIN)
        .executeTakeFirst()
    )?.size ?? 0,
  );

test('consistent growth is cosigned with a valid cosignature, first from empty and then with a proof', async () => {
  const first = await grow(3);
  const r1 = await addCheckpoint(0, first.checkpoint);
  assert.equal(r1.status, 200, r1.body);
  const cosigned = parseNote(first.checkpoint + r1.body);
  assert.equal(openCosignatures(cosigned, [parseCosignerKey(witnessKey.cosignerKey)]).length, 1);
  assert.equal(await witnessSize(), first.size);

  const second = await grow(260); // crosses a tile boundary
  const proof = await consistencyProofFromTiles(first.size, second.size, tiles);
  const r2 = await addCheckpoint(first.size, second.checkpoint, proof);
  assert.equal(r2.status, 200, r2.body);
  assert.equal(await witnessSize(), second.size);
});

test('a rollback is refused: an older checkpoint, or a stale old size, changes nothing', async () => {
  const current = await witnessSize();
  const older = signCheckpoint({ origin: ORIGIN, size: 2, root: randomBytes(32), extensions: [] }, [key.signer]);
  const r1 = await addCheckpoint(current, older);
  assert.equal(r1.status, 400, 'old size beyond the checkpoint size');
  const r2 = await addCheckpoint(1, older);
  assert.equal(r2.status, 409);
  assert.equal(r2.body.trim(), String(current), 'a 409 tells the witness size');
  assert.equal(await witnessSize(), current);
});

test('a fork is refused: same size with another root (409), or a bigger tree whose proof fails (422)', async () => {
  const current = await witnessSize();
  const fork = signCheckpoint({ origin: ORIGIN, size: current, root: randomBytes(32), extensions: [] }, [key.signer]);
  const r1 = await addCheckpoint(current, fork);
  assert.equal(r1.status, 409);
  const biggerFork = signCheckpoint({ origin: ORIGIN, size: current + 5, root: randomBytes(32), extensions: [] }, [
    key.signer,
  ]);
  const r2 = await addCheckpoint(current, biggerFork, [randomBytes(32), randomBytes(32)]);
  assert.equal(r2.status, 422);
  assert.equal(await witnessSize(), current);
});

test('a checkpoint signed by another key or for an unknown log is refused', async () => {
  const current = await witnessSize();
  const stranger = await loadOrCreateLogKey(logDb.database.db, 'someone.else/log', new Date());
  const unknown = signCheckpoint({ origin: 'someone.else/log', size: 1, root: randomBytes(32), extensions: [] }, [
    stranger.signer,
  ]);
  assert.equal((await addCheckpoint(0, unknown)).status, 404);
  assert.equal(await witnessSize(), current);
});

test('two racing requests from the same old size: exactly one moves the witness', async () => {
  const from = await witnessSize();
  const a = await grow(2);
  const b = await grow(2);
  const [ra, rb] = await Promise.all([
    addCheckpoint(from, a.checkpoint, await consistencyProofFromTiles(from, a.size, tiles)),
    addCheckpoint(from, b.checkpoint, await consistencyProofFromTiles(from, b.size, tiles)),
  ]);
  assert.deepEqual([ra.status, rb.status].sort(), [200, 409]);
  assert.ok([a.size, b.size].includes(await witnessSize()));
});

test('with witnesses configured, only quorum-cosigned checkpoints are published', async () => {
  // A second witness that is down (its key exists, it just never answers 200).
  const w2 = await loadOrCreateWitnessKey(
    witnessDb.database.db as unknown as Kysely<WitnessDB>,
    'witness.test/w2',
    new Date(),
  );
  const down = await listen(() => new Response('down', { status: 503 }));
  const other = { url: down.url, cosignerKey: w2.cosignerKey };
  const strict = new WitnessPublisher(
    logDb.database.db,
    [{ url: witness.url, cosignerKey: witnessKey.cosignerKey }, other],
    2,
    systemClock,
    silentLogger,
  );
  const lenient = new WitnessPublisher(
    logDb.database.db,
    [{ url: witness.url, cosignerKey: witnessKey.cosignerKey }, other],
    1,
    systemClock,
    silentLogger,
  );
  const server = await startTestServer(deps, (a) =>
    mountLog(a, logDb.database.db, key.verifierKey, { witnessed: true }),
  );
  try {
    const head = await grow(4);
    assert.equal(await strict.publishOnce(), 0, 'one of two witnesses is down: quorum 2 not reached');
    const none = await fetch(`${server.url}/log/checkpoint`);
    assert.equal(none.status, 503, 'nothing is published before a quorum cosigns');

    assert.equal(await lenient.publishOnce(), head.size);
    const published = await (await fetch(`${server.url}/log/checkpoint`)).text();
    const opened = openNote(published, [parseVerifierKey(key.verifierKey)]);
    assert.equal(parseCheckpoint(opened.text).size, head.size);
    assert.equal(
      openCosignatures(parseNote(published), [parseCosignerKey(witnessKey.cosignerKey)]).length,
      1,
      'carries the cosignature',
    );

    await grow(1);
    const proof = await fetch(`${server.url}/api/log/proof?index=${head.size}`);
    assert.equal(proof.status, 404, 'an entry beyond the published checkpoint has no published proof yet');
  } finally {
    await server.close();
    await down.close();
  }
});

test('an oversized request is refused while it streams, declared or not', async () => {
  const big = 'x'.repeat(100_000);
  const declared = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: big });
  assert.equal(declared.status, 413);
  const chunks = [new TextEncoder().encode(big.slice(0, 50_000)), new TextEncoder().encode(big.slice(50_000))];
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  const streamed = await fetch(`${witness.url}/add-checkpoint`, {
    method: 'POST',
    body,
    duplex: 'half',
  } as RequestInit);
  assert.equal(streamed.status, 413);
});
