/**
 * Issue 13 (intake): the facts of a report as typed fields, each with its own reader, and the
 * mission's gazetteer. Role x field: the monitoring team sees every fact; a party's observer and
 * a state's liaison never see the alleged perpetrator before a ruling, the source of a casualty
 * figure, the direction and distance from the observer, or a place that is a site (it would
 * locate the event better than the coarse point). The public log carries what a party may see
 * and commits the rest; `truce audit` and the readers of `truce verify` agree with the API for
 * each reader, and a fact edited in the database is named.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openTestDatabase, silentLogger, type TestDatabase } from '../support/db.ts';
import { startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { makeSignedIn } from '../support/factories.ts';
import { localEvents } from '../../src/events/local.ts';
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey, type LogKey } from '../../src/log/keys.ts';
import { auditDatabase } from '../../src/log/audit.ts';
import { verifyLog } from '../../src/log/verify-log.ts';
import { dbSource } from '../../src/log/db-source.ts';
import { compareRecords, latestLeaves } from '../../src/log/records-check.ts';
import { monitoringApiRecords } from '../../src/log/readers/monitoring.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Role } from '../../src/contract/enums.ts';
import type { Deps } from '../../src/services/deps.ts';
import { writeWithLog } from '../../src/services/write.ts';
import { updateIncident } from '../../src/services/monitoring/incident-writes.ts';

let tdb: TestDatabase;
let deps: Deps;
let key: LogKey;
let server: TestServer;
const as: Partial<Record<Role, SignedInClient & { user: { row: { organisation_id: string } } }>> = {};
const ROLES: Role[] = ['monitor', 'coordinator', 'observer', 'liaison'];
const TEAM: Role[] = ['monitor', 'coordinator'];

before(async () => {
  tdb = await openTestDatabase();
  key = await loadOrCreateLogKey(tdb.database.db, 'truce.test/facts', new Date());
  const sequencer = new Sequencer(tdb.database.db, key, 'truce.test/facts', systemClock, silentLogger);
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
  server = await startTestServer(deps);
  for (const role of ROLES) as[role] = await makeSignedIn(deps, server.url, role);
});
after(async () => {
  await server.close();
  await deps.events.close();
  await tdb.close();
});

const client = (role: Role) => as[role]!.client;
const status = async (p: Promise<unknown>): Promise<number> =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof ApiError ? e.status : 0),
  );

// Points of the demo's Khan Yunis and Deir al-Balah governorates, clear of the demo's incidents.
const SITE: [number, number] = [34.3312, 31.3655];
const TOWN: [number, number] = [34.3705, 31.4012];
let siteId: string;
let townId: string;

test('coordinators keep the gazetteer; every account searches it by any spelling', async () => {
  const place = (names: { en: string; ar: string }, at: [number, number], radiusKm: number) => ({
    names,
    alternates: [`${names.en} (alt)`],
    location: { type: 'Point' as const, coordinates: at },
    radiusKm,
  });
  assert.equal(
    await status(client('monitor').call('createPlace', { body: place({ en: 'X', ar: 'س' }, SITE, 1) })),
    403,
  );
  const site = await client('coordinator').call('createPlace', {
    body: place({ en: 'Test junction', ar: 'مفترق الاختبار' }, SITE, 0.3),
  });
  const town = await client('coordinator').call('createPlace', {
    body: place({ en: 'Test town', ar: 'بلدة الاختبار' }, TOWN, 3),
  });
  [siteId, townId] = [site.id, town.id];
  assert.ok(site.sectorId && site.logIndex !== null);
  assert.equal(
    await status(client('coordinator').call('createPlace', { body: place({ en: 'Sea', ar: 'بحر' }, [33.9, 31.4], 1) })),
    400,
  );
  // By another spelling, in either script, with or without Arabic diacritics.
  const first = async (q: string) =>
    (await client('observer').call('listPlaces', { query: { q } })).items[0]?.names.en ?? null;
  assert.equal(await first('khan younis'), 'Khan Yunis');
  assert.equal(await first('خان يونس'), 'Khan Yunis');
  assert.equal(await first('خَان يُونُس'), 'Khan Yunis');
  assert.equal(await first('KEREM abu'), 'Kerem Shalom crossing');
  assert.equal(await first('nowhere at all'), null);
  const demo = (await client('liaison').call('listPlaces', { query: { limit: 500 } })).items;
  assert.ok(demo.filter((p) => p.illustrative).length >= 10, 'the demo ships illustrative places');
  // Versioned changes.
  const body = { ...place({ en: 'Test town', ar: 'بلدة الاختبار' }, TOWN, 3), alternates: ['Testville'] };
  assert.equal(
    await status(client('coordinator').call('updatePlace', { params: { id: townId }, body: { ...body, version: 9 } })),
    409,
  );
  const updated = await client('coordinator').call('updatePlace', {
    params: { id: townId },
    body: { ...body, version: 1 },
  });
  assert.equal(updated.version, 2);
  assert.equal(await first('testvil'), 'Test town');
});

let siteReport: { id: string; incidentId: string };
let townReport: { id: string; incidentId: string };

test('each role sees the facts it may: perpetrator, casualty source, direction and distance, site', async () => {
  const party = as.observer!.user.row.organisation_id;
  const file = (at: [number, number], placeId: string) =>
    client('monitor').call('createReport', {
      body: {
        clientId: randomUUID(),
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        location: { type: 'Point', coordinates: at },
        eventType: 'Explosions/Remote violence',
        subEventType: 'Shelling/artillery/missile attack',
        source: { kind: 'patrol', name: 'Patrol Bravo-2' },
        description: 'Rounds landed east of the junction.',
        facts: {
          perpetrator: { kind: 'party', partyId: party },
          casualties: { killedCivilian: 1, injuredCivilian: 3, source: 'Nasser hospital duty doctor' },
          weapon: 'mortar',
          calibre: '120 mm',
          explosions: 4,
          shots: 0,
          bearingDegrees: 120,
          distanceMetres: 1800,
          startedAt: new Date(Date.now() - 3700_000).toISOString(),
          endedAt: new Date(Date.now() - 3600_000).toISOString(),
          method: 'seen_and_heard',
          confidence: 'high',
          placeId,
        },
      },
    });
  siteReport = await file(SITE, siteId);
  townReport = await file(TOWN, townId);
  assert.notEqual(siteReport.incidentId, townReport.incidentId);
  // Nothing a party is not a party to, and no end before the start.
  const bad = (facts: object) =>
    status(
      client('monitor').call('createReport', {
        body: {
          clientId: randomUUID(),
          occurredAt: new Date(Date.now() - 3600_000).toISOString(),
          location: { type: 'Point', coordinates: SITE },
          eventType: 'Riots',
          subEventType: 'Mob violence',
          source: { kind: 'patrol', name: 'P' },
          description: 'd',
          facts,
        },
      }),
    );
  assert.equal(await bad({ perpetrator: { kind: 'party', partyId: as.monitor!.user.row.organisation_id } }), 400);
  assert.equal(await bad({ perpetrator: { kind: 'party' } }), 400);
  assert.equal(await bad({ startedAt: '2025-11-01T10:00:00Z', endedAt: '2025-11-01T09:00:00Z' }), 400);
  assert.equal(await bad({ placeId: randomUUID() }), 400);

  const factsOf = async (role: Role, r: { id: string; incidentId: string }) =>
    (await client(role).call('getIncident', { params: { id: r.incidentId } })).reports.find((x) => x.id === r.id)!
      .facts;
  for (const role of ROLES) {
    const team = TEAM.includes(role);
    const site = await factsOf(role, siteReport);
    const town = await factsOf(role, townReport);
    const where = `${role}`;
    // Seen by everyone.
    assert.equal(site.weapon, 'mortar', where);
    assert.equal(site.calibre, '120 mm', where);
    assert.equal(site.explosions, 4, where);
    assert.equal(site.shots, 0, where);
    assert.equal(site.method, 'seen_and_heard', where);
    assert.equal(site.confidence, 'high', where);
    assert.equal(site.casualties?.killedCivilian, 1, where);
    assert.ok(site.startedAt && site.endedAt, where);
    assert.equal(town.place?.id, townId, `${where}: a town is wider than a coarse cell`);
    assert.equal(town.place?.names.ar, 'بلدة الاختبار', where);
    // The team's alone.
    assert.deepEqual(
      site.perpetrator,
      team ? { kind: 'party', partyId: as.observer!.user.row.organisation_id } : null,
      where,
    );
    assert.equal(site.casualties?.source, team ? 'Nasser hospital duty doctor' : null, where);
    assert.equal(site.bearingDegrees, team ? 120 : null, where);
    assert.equal(site.distanceMetres, team ? 1800 : null, where);
    assert.equal(site.place?.id ?? null, team ? siteId : null, `${where}: a site would locate the event`);
  }
  // Once ruled, the alleged perpetrator is no longer the team's alone.
  await writeWithLog(deps, async (tx, record) => {
    const current = await tx
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', townReport.incidentId)
      .executeTakeFirstOrThrow();
    await updateIncident(
      tx,
      record,
      current,
      { status: 'ruled', outcome: 'no_violation' },
      'transition',
      null,
      new Date(),
    );
  });
  assert.equal((await factsOf('observer', townReport)).perpetrator?.kind, 'party');
  assert.equal((await factsOf('observer', siteReport)).perpetrator, null);
  // A place named by a report stays.
  assert.equal(await status(client('coordinator').call('deletePlace', { params: { id: siteId }, query: {} })), 409);
});

test('the log publishes what a party may see and commits the rest; audit and verify agree, and catch an edit', async () => {
  const payload = async (id: string) =>
    (
      await deps.db
        .selectFrom('record_changes')
        .select('payload')
        .where('record_kind', '=', 'report')
        .where('record_id', '=', id)
        .executeTakeFirstOrThrow()
    ).payload as { public: Record<string, unknown>; commitments: Record<string, string> };
  const site = await payload(siteReport.id);
  const facts = site.public.facts as Record<string, unknown>;
  assert.deepEqual(Object.keys(facts).sort(), [
    'calibre',
    'casualties',
    'confidence',
    'endedAt',
    'explosions',
    'method',
    'shots',
    'startedAt',
    'weapon',
  ]);
  assert.deepEqual(facts.casualties, { killedCivilian: 1, injuredCivilian: 3 });
  assert.equal(site.public.placeId, undefined, 'a site is not public');
  for (const f of ['perpetrator', 'casualtySource', 'bearingDegrees', 'distanceMetres', 'exactPlaceId'])
    assert.match(site.commitments[f] ?? '', /^[0-9a-f]{64}$/, f);
  assert.equal((await payload(townReport.id)).public.placeId, townId);

  const check = async () => {
    const audit = await auditDatabase(deps.db, key.verifierKey);
    const { entries } = await verifyLog(dbSource(deps.db), key.verifierKey);
    const latest = latestLeaves(entries);
    const shown = async (role: Role) => {
      const records = (await Promise.all(monitoringApiRecords.map((read) => read(client(role))))).flat();
      return compareRecords(records, latest, undefined).map((m) => `${m.kind} ${m.id} ${m.problem}`);
    };
    return {
      audit: audit.mismatches.map((m) => `${m.kind} ${m.id} ${m.problem}`),
      monitor: await shown('monitor'),
      observer: await shown('observer'),
    };
  };
  assert.deepEqual(await check(), { audit: [], monitor: [], observer: [] });

  await sql`update reports set facts = jsonb_set(facts, '{bearingDegrees}', '300') where id = ${siteReport.id}`.execute(
    deps.db,
  );
  await sql`update reports set facts = jsonb_set(facts, '{explosions}', '40') where id = ${townReport.id}`.execute(
    deps.db,
  );
  const tampered = await check();
  assert.ok(tampered.audit.some((m) => m.includes(`${siteReport.id} restricted field bearingDegrees`)));
  assert.ok(tampered.audit.some((m) => m.includes(`${townReport.id} field facts differs`)));
  assert.ok(tampered.monitor.some((m) => m.includes(`${siteReport.id} restricted field bearingDegrees`)));
  assert.ok(tampered.observer.some((m) => m.includes(`${townReport.id} field facts differs`)));
  assert.ok(!tampered.observer.some((m) => m.includes(siteReport.id)), 'a party cannot check what it cannot see');
});
