/**
 * @module Monitoring figure: what a bulk import costs everyone else. Readers (4 clients listing
 * incidents through the API) run while one monitor imports a 10,000-row ACLED CSV through the
 * same server; the figure is the readers' p95 latency during the import, next to the same
 * readers' p95 with no import (the baseline), plus the worst read and the import's duration.
 * The import is checked, planned and staged in small steps and published in one set-based
 * transaction, so readers wait at most one step, or the publish step once.
 */
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { localEvents } from '../../src/events/local.ts';
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { silentLogger } from '../../test/support/db.ts';
import { runCli } from '../../test/support/cli.ts';
import { startChildServer } from '../../test/support/child-server.ts';
import { record } from '../harness.ts';

const ROWS = 10_000;
const READERS = 4;
const BASELINE_MS = 3000;

function importFile(): string {
  const header =
    'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,latitude,longitude,geo_precision,source,notes,fatalities';
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const day = new Date(Date.now() - (1 + (i % 300)) * 86_400_000).toISOString().slice(0, 10);
    return `BENCH${i},${day},1,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Israel (2022-),1,${(31.49 + Math.random() * 0.02).toFixed(5)},${(34.44 + Math.random() * 0.03).toFixed(5)},1,Local media,bench ${i},0`;
  });
  return [header, ...rows].join('\n') + '\n';
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Readers list incidents until `until` settles; returns each read's latency (ms). */
async function readWhile(url: string, token: string, until: Promise<unknown>): Promise<number[]> {
  let over = false;
  void until.finally(() => (over = true));
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!over) {
        const t0 = performance.now();
        const res = await fetch(`${url}/api/incidents?limit=50`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`read answered ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

export async function benchImportReaders(
  engine: 'pglite' | 'postgres',
  dataDir: string,
  url: string | undefined,
): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'bench' });
  await migrateToLatest(database.db as unknown as Kysely<unknown>);
  await seedDemo({
    db: database.db,
    engine,
    clock: systemClock,
    logger: silentLogger,
    events: localEvents(silentLogger),
    auth: defaultAuthSettings(),
    log: { indexesOf: (ids: number[]) => Promise.resolve(ids.map(() => null)) },
  });
  await database.close();

  const env = url ? { DATABASE_URL: url, DATA_DIR: dataDir } : { DATA_DIR: dataDir };
  const importer = (await runCli(['token', 'create', '--email', 'monitor.un@truce.example'], env)).stdout
    .trim()
    .split('\n')
    .at(-1)!;
  const reader = (await runCli(['token', 'create', '--email', 'coordinator@truce.example'], env)).stdout
    .trim()
    .split('\n')
    .at(-1)!;
  const server = await startChildServer({ ...env, TRUCE_DEMO: '0', TRUCE_LOG_LEVEL: 'warn' });
  try {
    const idle = await readWhile(server.url, reader, new Promise((r) => setTimeout(r, BASELINE_MS)));
    const body = importFile();
    const t0 = performance.now();
    const imported = fetch(`${server.url}/api/reports/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${importer}` },
      body,
    }).then(async (res) => ({ status: res.status, text: await res.text(), ms: performance.now() - t0 }));
    const during = await readWhile(server.url, reader, imported);
    const result = await imported;
    if (result.status !== 201) throw new Error(`the import answered ${result.status}: ${result.text.slice(0, 500)}`);
    const idleP95 = percentile(idle, 95);
    const p95 = percentile(during, 95);
    record({ engine, name: 'reads, no import (p95)', value: idleP95, unit: 'ms' });
    record({
      engine,
      name: `reads during a ${ROWS.toLocaleString('en')}-row import (p95)`,
      value: p95,
      unit: 'ms',
      baseline: { name: 'no import', value: idleP95 },
      goal: { text: '< 500 ms', met: p95 < 500 },
    });
    record({
      engine,
      name: `reads during the import (max, ${during.length} reads)`,
      value: Math.max(...during),
      unit: 'ms',
    });
    record({
      engine,
      name: `${ROWS.toLocaleString('en')}-row import, answered with its log index`,
      value: result.ms / 1000,
      unit: 's',
    });
  } finally {
    await server.stop();
  }
}
