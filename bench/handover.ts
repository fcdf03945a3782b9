/**
 * @module The handover figures of `npm run bench`: the handover check for 50 sectors, 500
 * contributions (2,000 status moves) and 2,000 milestones over 365 days, and the gap series over
 * 365 days, each end to end (load the rows, run the pure function), against a baseline measured
 * in the same run: the plain SELECTs of the same rows.
 */
import { DEFAULT_RELEASE } from '../src/domain/policy/force.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/adapters/clock.ts';
import { defaultAuthSettings } from '../src/services/auth-settings.ts';
import { localEvents } from '../src/events/local.ts';
import { silentLogger } from '../test/support/db.ts';
import type { Deps } from '../src/services/deps.ts';
import { handoverCheck } from '../src/services/handover/check.ts';
import { forceGapSeries } from '../src/services/force/gap.ts';
import { loadPlanData } from '../src/services/force/plan-data.ts';
import { CAPABILITIES, type ContributionStatus } from '../src/contract/enums.ts';
import { MANDATE_TASKS } from '../src/contract/force.ts';
import { isoOf, dayOf } from '../src/domain/force/days.ts';
import { record, type Bench } from './harness.ts';

const SECTORS = 50;
const CONTRIBUTIONS = 500;
const MILESTONES = 2000;
export const FROM = '2026-01-01';
export const TO = '2026-12-31';
const RUNS = 15;

export async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm the plan cache and the connection
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function fill(db: Deps['db']): Promise<void> {
  const now = new Date();
  const start = dayOf(FROM);
  const orgs = Array.from({ length: 20 }, (_, i) => ({
    id: randomUUID(),
    name: `Bench state ${i}`,
    kind: 'ngo' as const,
    country: null,
    parent_id: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  await db.insertInto('organisations').values(orgs).execute();
  const sectors = Array.from({ length: SECTORS }, (_, i) => {
    const w = 34 + (i % 10) * 0.05;
    const s = 31 + Math.floor(i / 10) * 0.05;
    const ring = [
      [w, s],
      [w + 0.05, s],
      [w + 0.05, s + 0.05],
      [w, s + 0.05],
      [w, s],
    ];
    return {
      id: randomUUID(),
      name: `Sector ${String(i).padStart(2, '0')}`,
      geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
      min_lon: w,
      min_lat: s,
      max_lon: w + 0.05,
      max_lat: s + 0.05,
      area_km2: 25,
      version: 1,
      created_at: now,
      updated_at: now,
    };
  });
  await db.insertInto('sectors').values(sectors).execute();
  const ladder: ContributionStatus[] = ['pledged', 'pcrs1', 'pcrs2', 'pcrs3', 'deployed'];
  const contributions = [];
  const moves = [];
  const deployments = [];
  for (let i = 0; i < CONTRIBUTIONS; i++) {
    const id = randomUUID();
    const steps = 1 + (i % 4); // 1..4 moves: 2,500 in all with the first
    const status = ladder[steps]!;
    contributions.push({
      id,
      organisation_id: orgs[i % orgs.length]!.id,
      kind: 'forces' as const,
      capability: CAPABILITIES[i % 9]!,
      quantity: String(100 + (i % 7) * 50),
      unit: 'personnel' as const,
      currency: null,
      status,
      caveats: '',
      expected_arrival: null,
      note: '',
      version: steps + 1,
      created_at: now,
      updated_at: now,
      ...DEFAULT_RELEASE.contribution,
    });
    for (let k = 0; k <= steps; k++) {
      moves.push({
        id: randomUUID(),
        contribution_id: id,
        from_status: k === 0 ? null : ladder[k - 1]!,
        to_status: ladder[k]!,
        effective_on: isoOf(start - 60 + k * 20 + (i % 30)),
        reason: 'bench',
        actor_user_id: null,
        recorded_at: now,
        version: 1,
      });
    }
    deployments.push({
      id: randomUUID(),
      contribution_id: id,
      sector_id: sectors[i % SECTORS]!.id,
      from_date: isoOf(start + ((i * 7) % 300)),
      to_date: i % 3 === 0 ? isoOf(start + ((i * 7) % 300) + 90) : null,
      strength: 80 + (i % 5) * 20,
      note: '',
      version: 1,
      created_at: now,
      updated_at: now,
      ...DEFAULT_RELEASE.deployment,
    });
  }
  for (let i = 0; i < contributions.length; i += 250)
    await db
      .insertInto('contributions')
      .values(contributions.slice(i, i + 250))
      .execute();
  for (let i = 0; i < moves.length; i += 250)
    await db
      .insertInto('contribution_transitions')
      .values(moves.slice(i, i + 250))
      .execute();
  for (let i = 0; i < deployments.length; i += 250)
    await db
      .insertInto('deployments')
      .values(deployments.slice(i, i + 250))
      .execute();
  const milestones = Array.from({ length: MILESTONES }, (_, i) => ({
    id: randomUUID(),
    sector_id: sectors[i % SECTORS]!.id,
    kind: 'withdrawal' as const,
    at: isoOf(start + ((i * 13) % 365)),
    area: '',
    condition: 'bench',
    version: 1,
    created_at: now,
    updated_at: now,
    party_id: null,
    ...DEFAULT_RELEASE.milestone,
  }));
  for (let i = 0; i < milestones.length; i += 250)
    await db
      .insertInto('handover_milestones')
      .values(milestones.slice(i, i + 250))
      .execute();
  const requirements = sectors.flatMap((s, i) =>
    [0, 1, 2].map((p) => ({
      id: randomUUID(),
      task: MANDATE_TASKS[(i + p) % MANDATE_TASKS.length]!,
      capability: CAPABILITIES[(i + p) % 9]!,
      sector_id: s.id,
      phase: p + 1,
      quantity: 200 + p * 100,
      needed_by: isoOf(start + p * 120),
      note: '',
      version: 1,
      created_at: now,
      updated_at: now,
      ...DEFAULT_RELEASE.requirement,
    })),
  );
  await db.insertInto('sector_requirements').values(requirements).execute();
}

/** Services' dependencies for a bench: the database, no log waiting, silent logging. */
export function benchDeps(database: Database): Deps {
  return {
    db: database.db,
    engine: database.engine,
    clock: systemClock,
    log: { indexesOf: (ids) => Promise.resolve(ids.map(() => null)) },
    logger: silentLogger,
    events: localEvents(silentLogger),
    auth: defaultAuthSettings(),
  };
}

export const handoverBenches: Bench[] = [
  async (engine, dataDir, url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'bench' });
    try {
      await migrateToLatest(database.db as unknown as Kysely<unknown>);
      const deps = benchDeps(database);
      await fill(deps.db);
      const baseline = await median(() => loadPlanData(deps.db, { milestones: true, deployments: true }));
      const check = await median(() => handoverCheck(deps, null, FROM, TO));
      const series = await median(() => forceGapSeries(deps, null, FROM, TO));
      const base = { name: 'SELECT of the same rows', value: baseline };
      record({
        engine,
        name: 'handover check (50 sectors, 365 days)',
        value: check,
        unit: 'ms',
        baseline: base,
        goal: { text: '< 100 ms', met: check < 100 },
      });
      record({
        engine,
        name: 'gap series (500 contributions, 365 days)',
        value: series,
        unit: 'ms',
        baseline: base,
        goal: { text: '< 100 ms', met: series < 100 },
      });
      const findings = await handoverCheck(deps, null, FROM, TO);
      if (findings.length === 0) throw new Error('the bench plan should produce findings');
    } finally {
      await database.close();
    }
  },
];
