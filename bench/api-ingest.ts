/**
 * @module Foundation figure: writes/s of a representative record (a contribution) through the
 * HTTP API — concurrent clients on 127.0.0.1, validation, authentication, authorisation and the
 * record-change row included — against the same rows inserted one per transaction straight
 * into the database by this process, in the same run. Plus the server's peak RSS.
 */
import { defaultAuthSettings } from '../src/services/auth-settings.ts';
import { DEFAULT_RELEASE } from '../src/domain/policy/force.ts';
import { localEvents } from '../src/events/local.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import type { DB } from '../src/db/schema.ts';
import { systemClock } from '../src/adapters/clock.ts';
import { silentLogger } from '../test/support/db.ts';
import { runCli } from '../test/support/cli.ts';
import { startChildServer } from '../test/support/child-server.ts';
import { peakRssMb, record } from './harness.ts';

const DIRECT_ROWS = 2000;
const API_SECONDS = 8;
const CLIENTS = 16;

function contributionRow(organisationId: string) {
  const now = new Date();
  return {
    id: randomUUID(),
    organisation_id: organisationId,
    kind: 'forces' as const,
    capability: 'medical' as const,
    quantity: '120',
    unit: 'personnel' as const,
    currency: null,
    status: 'pledged' as const,
    caveats: '',
    expected_arrival: null,
    note: 'bench',
    version: 1,
    created_at: now,
    updated_at: now,
    ...DEFAULT_RELEASE.contribution,
  };
}

async function directRate(db: Kysely<DB>, organisationId: string): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < DIRECT_ROWS; i++) {
    await db
      .transaction()
      .execute((tx) => tx.insertInto('contributions').values(contributionRow(organisationId)).execute());
  }
  return DIRECT_ROWS / ((performance.now() - t0) / 1000);
}

async function measureApi(env: NodeJS.ProcessEnv, token: string, body: string): Promise<{ rate: number; rss: number }> {
  const server = await startChildServer({ ...env, TRUCE_DEMO: '0', TRUCE_LOG_LEVEL: 'warn' });
  let done = 0;
  let failed = 0;
  const deadline = performance.now() + API_SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const res = await fetch(`${server.url}/api/contributions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        await res.arrayBuffer();
        if (res.status === 201) done++;
        else failed++;
      }
    }),
  );
  const rate = done / ((performance.now() - t0) / 1000);
  const rss = peakRssMb(server.process.pid!);
  await server.stop();
  if (failed > 0) throw new Error(`${failed} API writes failed during the bench`);
  return { rate, rss };
}

export async function benchApiIngest(
  engine: 'pglite' | 'postgres',
  dataDir: string,
  url: string | undefined,
): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'bench' });
  await migrateToLatest(database.db as unknown as Kysely<unknown>);
  const deps = {
    db: database.db,
    engine,
    clock: systemClock,
    logger: silentLogger,
    events: localEvents(silentLogger),
    auth: defaultAuthSettings(),
    log: { indexesOf: (ids: number[]) => Promise.resolve(ids.map(() => null)) },
  };
  await seedDemo(deps);
  const org = await database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Italy')
    .executeTakeFirstOrThrow();
  const direct = await directRate(database.db, org.id);
  await database.close();

  const env = url ? { DATABASE_URL: url, DATA_DIR: dataDir } : { DATA_DIR: dataDir };
  const token = (await runCli(['token', 'create', '--email', 'coordinator@truce.example'], env)).stdout
    .trim()
    .split('\n')
    .at(-1)!;
  const body = JSON.stringify({
    organisationId: org.id,
    kind: 'forces',
    capability: 'medical',
    quantity: 120,
    unit: 'personnel',
    status: 'pledged',
    note: 'bench',
  });

  // Same server twice: answering at commit (the change is logged by the next sweep, within a
  // second) and answering once the change has its log index. The difference is what waiting
  // for the log costs report ingest.
  const atCommit = await measureApi({ ...env, TRUCE_LOG_WAIT: '0' }, token, body);
  const logged = await measureApi({ ...env, TRUCE_LOG_WAIT: '1' }, token, body);
  record({ engine, name: 'direct insert, one row per transaction', value: direct, unit: 'rows/s' });
  record({
    engine,
    name: `API writes answered at commit (${CLIENTS} clients)`,
    value: atCommit.rate,
    unit: 'writes/s',
    baseline: { name: 'direct', value: direct },
  });
  record({
    engine,
    name: `API writes answered with their log index (${CLIENTS} clients)`,
    value: logged.rate,
    unit: 'writes/s',
    baseline: { name: 'direct', value: direct },
    goal: { text: '>= 0.5x direct', met: logged.rate >= 0.5 * direct },
  });
  const cost = 1 - logged.rate / atCommit.rate;
  record({
    engine,
    name: 'cost of waiting for the log, in ingest',
    value: Math.round(cost * 1000) / 10,
    unit: '%',
    goal: { text: '<= 20 %', met: cost <= 0.2 },
  });
  const rss = Math.max(atCommit.rss, logged.rss);
  const rssGoal = engine === 'pglite' ? 600 : 250;
  record({
    engine,
    name: 'server peak RSS',
    value: rss,
    unit: 'MB',
    goal: { text: `< ${rssGoal} MB`, met: rss < rssGoal },
  });
}
