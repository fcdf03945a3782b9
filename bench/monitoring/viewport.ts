/**
 * @module Monitoring figure: the map's viewport query (server-side grid clustering in core SQL
 * over the indexed lon/lat columns) at 100k and, on PostgreSQL, 1M incidents, p50 and p95 over
 * random viewports at street-to-city zooms, plus the whole-strip view. Rows are generated in
 * the database with INSERT ... SELECT generate_series (seconds, not minutes).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import { rebuildGrid } from '../../src/repositories/monitoring/grid.ts';
import { incidentClusters } from '../../src/services/monitoring/map.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { localEvents } from '../../src/events/local.ts';
import { silentLogger } from '../../test/support/db.ts';
import type { Deps } from '../../src/services/deps.ts';
import { record } from '../harness.ts';

const QUERIES = 60;
// Gaza Strip's bounding box.
const W = 34.2,
  S = 31.22,
  E = 34.57,
  N = 31.6;

async function grow(db: Kysely<DB>, to: number, from: number): Promise<void> {
  // Statuses and types cycle so filters have something to filter.
  await sql`
    insert into incidents (id, title, status, outcome, event_type, sub_event_type, occurred_at, lon, lat, coarse_lon, coarse_lat, report_count, ruling_round, version, created_at, updated_at)
    select
      (lpad(to_hex(g), 8, '0') || '-0000-4000-8000-000000000000')::uuid,
      'bench', (array['alleged','preliminary','investigating','ruled','published'])[1 + g % 5],
      null,
      (array['Explosions/Remote violence','Battles','Violence against civilians'])[1 + g % 3], 'Other',
      now() - (g % 400) * interval '1 day',
      lon, lat, round(lon::numeric, 2)::float8, round(lat::numeric, 2)::float8, 1, 0, 1, now(), now()
    from (select g, ${W} + random() * ${E - W} as lon, ${S} + random() * ${N - S} as lat from generate_series(${from + 1}::int, ${to}::int) as g) as points`.execute(
    db,
  );
  // Bulk loads bypass the services, so the grid is rebuilt once (as an operator would after one).
  await rebuildGrid(db);
  await sql`analyze incidents`.execute(db);
  await sql`analyze incident_grid`.execute(db);
  await sql`analyze incident_coarse_grid`.execute(db);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Query = Parameters<typeof incidentClusters>[2];

/** Random screens (about 1000 x 500 px) over the strip at zooms 10 to 14, as the map asks. */
async function measure(deps: Deps, extra: Partial<Query>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const zoom = 10 + (i % 5);
    const span = Math.min(E - W, (360 / 2 ** zoom) * 4);
    const lon = W + Math.random() * (E - W - span);
    const lat = S + Math.random() * Math.max(0, N - S - span / 2);
    const t0 = performance.now();
    await incidentClusters(deps, null, {
      bbox: [lon, lat, lon + span, lat + span / 2],
      zoom,
      ...(i % 3 === 0 ? { status: ['alleged', 'investigating'] } : {}),
      ...extra,
    });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function benchViewport(
  engine: 'pglite' | 'postgres',
  dataDir: string,
  url: string | undefined,
): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'bench' });
  const deps: Deps = {
    db: database.db,
    engine,
    clock: systemClock,
    logger: silentLogger,
    events: localEvents(silentLogger),
    auth: defaultAuthSettings(),
    log: { indexesOf: (ids) => Promise.resolve(ids.map(() => null)) },
  };
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
    const sizes = engine === 'postgres' ? [100_000, 1_000_000] : [100_000];
    let have = 0;
    for (const n of sizes) {
      await grow(database.db, n, have);
      have = n;
      await measure(deps, {}); // warm the cache
      const m = await measure(deps, {});
      const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
      record({ engine, name: `viewport clusters p50, ${label} incidents`, value: m.p50, unit: 'ms' });
      record({
        engine,
        name: `viewport clusters p95, ${label} incidents`,
        value: m.p95,
        unit: 'ms',
        goal: { text: '< 50 ms', met: m.p95 < 50 },
      });
      // A time-range filter cannot use the grid: it reads the incidents in view.
      const last30 = await measure(deps, { from: new Date(Date.now() - 30 * 86_400_000).toISOString() });
      record({ engine, name: `viewport p95 with a 30-day range, ${label}`, value: last30.p95, unit: 'ms' });
    }
  } finally {
    await database.close();
  }
}
