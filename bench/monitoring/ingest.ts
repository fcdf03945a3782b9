/**
 * @module Monitoring figure: reports filed per second through the HTTP API (16 concurrent
 * clients; validation, sector lookup, control-line side, grouping, incident and log rows
 * included) against the same report and incident rows inserted one pair per transaction
 * straight into the database, in the same run.
 */
import { coarse } from '../../src/domain/monitoring/precision.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import type { DB } from '../../src/db/schema.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { localEvents } from '../../src/events/local.ts';
import { silentLogger } from '../../test/support/db.ts';
import { runCli } from '../../test/support/cli.ts';
import { startChildServer } from '../../test/support/child-server.ts';
import { record } from '../harness.ts';

const DIRECT_ROWS = 1000;
const API_SECONDS = 6;
const CLIENTS = 16;

/** A report somewhere in Gaza City, at a random time in the last 300 days (so few group). */
function report() {
  return {
    clientId: randomUUID(),
    occurredAt: new Date(Date.now() - Math.random() * 300 * 86_400_000).toISOString(),
    location: { type: 'Point', coordinates: [34.44 + Math.random() * 0.03, 31.49 + Math.random() * 0.02] },
    eventType: 'Explosions/Remote violence',
    subEventType: 'Shelling/artillery/missile attack',
    description: 'bench report',
    source: { kind: 'patrol', name: 'bench' },
  };
}

async function directRate(db: Kysely<DB>, sectorId: string): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < DIRECT_ROWS; i++) {
    const r = report();
    const now = new Date();
    const incidentId = randomUUID();
    const [lon, lat] = r.location.coordinates as [number, number];
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('incidents')
        .values({
          id: incidentId,
          title: 'bench',
          status: 'alleged',
          outcome: null,
          provision_id: null,
          responsible_org_id: null,
          event_type: r.eventType,
          sub_event_type: r.subEventType,
          occurred_at: r.occurredAt,
          lon,
          lat,
          sector_id: sectorId,
          side: null,
          coarse_lon: coarse(lon),
          coarse_lat: coarse(lat),
          coarse_sector_id: sectorId,
          coarse_side: null,
          report_count: 1,
          assignee_user_id: null,
          merged_into: null,
          ruling_round: 0,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await tx
        .insertInto('reports')
        .values({
          id: randomUUID(),
          client_id: r.clientId,
          incident_id: incidentId,
          sector_id: sectorId,
          side: null,
          coarse_sector_id: sectorId,
          coarse_side: null,
          occurred_at: r.occurredAt,
          time_precision: 1,
          lon,
          lat,
          geo_precision: 1,
          event_type: r.eventType,
          sub_event_type: r.subEventType,
          observations: '{}',
          actor1: null,
          actor2: null,
          fatalities: '{}',
          injuries: '{}',
          source_kind: 'patrol',
          source_name: 'bench',
          source_reliability: 'unknown',
          description: r.description,
          evidence: '[]',
          author_user_id: null,
          author_org_id: null,
          version: 1,
          created_at: now,
        })
        .execute();
    });
  }
  return DIRECT_ROWS / ((performance.now() - t0) / 1000);
}

export async function benchReportIngest(
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
  const sector = await database.db
    .selectFrom('sectors')
    .select('id')
    .where('name', '=', 'Gaza')
    .executeTakeFirstOrThrow();
  const direct = await directRate(database.db, sector.id);
  await database.close();

  const env = url ? { DATABASE_URL: url, DATA_DIR: dataDir } : { DATA_DIR: dataDir };
  const token = (await runCli(['token', 'create', '--email', 'monitor.un@truce.example'], env)).stdout
    .trim()
    .split('\n')
    .at(-1)!;
  const server = await startChildServer({ ...env, TRUCE_DEMO: '0', TRUCE_LOG_LEVEL: 'warn' });
  let done = 0;
  let failed = 0;
  const deadline = performance.now() + API_SECONDS * 1000;
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          const res = await fetch(`${server.url}/api/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(report()),
          });
          await res.arrayBuffer();
          if (res.status === 201) done++;
          else failed++;
        }
      }),
    );
  } finally {
    await server.stop();
  }
  const api = done / ((performance.now() - t0) / 1000);
  if (failed > 0) throw new Error(`${failed} report writes failed during the bench`);
  record({ engine, name: 'direct insert, incident + report per transaction', value: direct, unit: 'rows/s' });
  record({
    engine,
    name: `API reports (${CLIENTS} clients, grouping, log)`,
    value: api,
    unit: 'reports/s',
    baseline: { name: 'direct', value: direct },
    goal: { text: '>= 0.3x direct', met: api >= 0.3 * direct },
  });
}
