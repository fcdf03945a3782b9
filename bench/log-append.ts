/**
 * @module Verifiable-record figure: appends per second into the Merkle log with batching
 * (changes committed to the outbox 256 per transaction, then integrated by the sequencer into
 * tiles and bundles with a signed checkpoint), against a raw insert of the same bytes with the
 * same batching, in the same run. Plus the inclusion-proof serving latency.
 */
import { defaultAuthSettings } from '../src/services/auth-settings.ts';
import { localEvents } from '../src/events/local.ts';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { Sequencer } from '../src/log/sequencer.ts';
import { loadOrCreateLogKey } from '../src/log/keys.ts';
import { systemClock } from '../src/adapters/clock.ts';
import { silentLogger } from '../test/support/db.ts';
import { createApp } from '../src/api/app.ts';
import { mountLog } from '../src/api/log-routes.ts';
import { record } from './harness.ts';
import { decodeBase64, leafHash, openTlogProof, parseVerifierKey, TILE_WIDTH } from '../src/tlog/node.ts';

const N = 20_000;
const BATCH = 256;

function payload(i: number) {
  return {
    public: {
      organisationId: randomUUID(),
      kind: 'forces',
      capability: 'medical',
      quantity: i,
      unit: 'personnel',
      status: 'pledged',
      note: 'bench',
    },
    commitments: {},
  };
}

export async function benchLogAppend(
  engine: 'pglite' | 'postgres',
  dataDir: string,
  url: string | undefined,
): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'bench' });
  const db = database.db;
  await migrateToLatest(db as unknown as Kysely<unknown>);
  await sql`create table bench_raw (id bigserial primary key, data jsonb not null)`.execute(db);
  const payloads = Array.from({ length: N }, (_, i) => JSON.stringify(payload(i)));

  let t0 = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    const chunk = payloads.slice(i, i + BATCH);
    await db
      .transaction()
      .execute((tx) => sql`insert into bench_raw (data) select * from unnest(${chunk}::jsonb[])`.execute(tx));
  }
  const raw = N / ((performance.now() - t0) / 1000);

  const key = await loadOrCreateLogKey(db, 'bench/log', new Date());
  const sequencer = new Sequencer(db, key, 'bench/log', systemClock, silentLogger);
  await sequencer.init();
  const now = new Date();
  t0 = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    const rows = payloads.slice(i, i + BATCH).map((p) => ({
      record_kind: 'contribution',
      record_id: randomUUID(),
      version: 1,
      op: 'create',
      actor_org_id: null,
      actor_user_id: null,
      at: now,
      payload: p,
      log_index: null,
    }));
    await db.transaction().execute((tx) => tx.insertInto('record_changes').values(rows).execute());
    if ((i / BATCH) % 8 === 7) await sequencer.schedule();
  }
  await sequencer.schedule();
  const appends = N / ((performance.now() - t0) / 1000);
  const size = (await db.selectFrom('log_state').select('size').executeTakeFirstOrThrow()).size;
  if (size !== N) throw new Error(`log has ${size} entries, expected ${N}`);

  // Inclusion-proof serving latency, through the HTTP handler (no network), random indices.
  const app = createApp(
    {
      db,
      engine,
      clock: systemClock,
      logger: silentLogger,
      log: sequencer,
      events: localEvents(silentLogger),
      auth: defaultAuthSettings(),
    },
    {
      version: 'bench',
      secureCookies: false,
      webDir: '/nonexistent',
      extra: (a) => mountLog(a, db, key.verifierKey),
      // Measures proof serving, not the per-address limit on anonymous requests.
      limits: { anonymousPerSecond: 1e6, anonymousBurst: 1e6, streamsPerAccount: 10 },
    },
  );
  // A serving process is warm: one pass over the log fills the caches of immutable full tiles
  // and bundles (a few MB for 20k entries), then 1,000 random proofs are timed.
  for (let i = 0; i < N; i += TILE_WIDTH) await (await app.request(`/api/log/proof?index=${i}`)).arrayBuffer();
  const lat: number[] = [];
  const proofs: { entry: string; bundle: string }[] = [];
  for (let i = 0; i < 1000; i++) {
    const idx = Math.floor(Math.random() * N);
    const s = performance.now();
    const res = await app.request(`/api/log/proof?index=${idx}`);
    const body = (await res.json()) as { entry: string; bundle: string };
    lat.push(performance.now() - s);
    if (i < 200) proofs.push(body);
  }
  lat.sort((a, b) => a - b);
  // Offline verification in Node: signature, inclusion proof and leaf hash, per proof.
  const verifier = parseVerifierKey(key.verifierKey);
  const v0 = performance.now();
  for (const p of proofs) openTlogProof(p.bundle, leafHash(decodeBase64(p.entry, 'entry')), { log: [verifier] });
  const verifyMs = (performance.now() - v0) / proofs.length;
  await database.close();

  record({ engine, name: `raw insert of the same bytes (${BATCH}/tx)`, value: raw, unit: 'rows/s' });
  record({
    engine,
    name: `log appends, batched (${BATCH}/tx + sequencer)`,
    value: appends,
    unit: 'appends/s',
    baseline: { name: 'raw', value: raw },
    ...(engine === 'postgres' ? { goal: { text: '>= 10,000/s', met: appends >= 10_000 } } : {}),
  });
  const p99 = lat[Math.floor(lat.length * 0.99)]!;
  record({ engine, name: 'inclusion proof p50 (in-process HTTP, warm)', value: lat[lat.length >> 1]!, unit: 'ms' });
  record({
    engine,
    name: 'inclusion proof p99 (in-process HTTP, warm)',
    value: p99,
    unit: 'ms',
    goal: { text: '< 5 ms', met: p99 < 5 },
  });
  record({ engine, name: 'proof verification in Node (signature + inclusion)', value: verifyMs, unit: 'ms/proof' });
}
