/**
 * Issue 10, finding 1, tried the way a hostile party would: an observer (or a liaison, or nobody
 * on the public routes) knows an incident exists and bisects the map's box, with and without
 * time, sector, status and type filters, about 80 requests per attack, to pin down where it lies.
 * The rule: every answer given to an audience that sees coarsened locations is a function of the
 * 0.01-degree cell alone. So two incidents at different exact points of one cell must give the
 * attacker identical transcripts (while the monitoring team's transcripts tell them apart), and a
 * cell straddling a sector boundary or the control line must not reveal, through sector filters,
 * the sector and side shown, exports, the sitrep or the public view, which side its point is on.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '../support/db.ts';
import type { SignedInClient, TestServer } from '../support/server.ts';
import { openEventStream } from '../support/sse.ts';
import { openTestApi, type TestApi } from '../support/api.ts';
import { makeSignedIn } from '../support/factories.ts';
import type { Role } from '../../src/contract/enums.ts';
import type { Deps } from '../../src/services/deps.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { containsPoint, sideOfLine, type Area } from '../../src/domain/geo.ts';
import { coarse } from '../../src/domain/monitoring/precision.ts';
import { listSectors, type SectorRow } from '../../src/repositories/sectors.ts';
import { controlLineAt } from '../../src/repositories/control-lines.ts';
import type { z } from 'zod';
import type { ClusterQuery } from '../../src/contract/monitoring.ts';
import { updateIncident } from '../../src/services/monitoring/incident-writes.ts';
import { writeWithLog } from '../../src/services/write.ts';

type LonLat = [number, number];
type Bbox = [number, number, number, number];

let api: TestApi;
let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let monitor: SignedInClient;
let coordinator: SignedInClient;
let observer: SignedInClient;
let liaison: SignedInClient;
let monitorActor: Actor;
let sectors: SectorRow[];
let heldArea: Area | null;
const usedCells: LonLat[] = [];
let slot = 0;

before(async () => {
  // The demo gives the strip's sectors, the control line and incidents to stay clear of; the
  // accounts are any of their role (a party's observer, a state's liaison, the monitoring team).
  api = await openTestApi();
  ({ tdb, deps, server } = api);
  const as = (role: Role) => makeSignedIn(deps, server.url, role);
  const [m, c, o, l] = await Promise.all([as('monitor'), as('coordinator'), as('observer'), as('liaison')]);
  [monitor, coordinator, observer, liaison, monitorActor] = [m, c, o, l, m.user.actor];
  sectors = await listSectors(deps.db);
  heldArea = ((await controlLineAt(deps.db, new Date()))?.held_area ?? null) as Area | null;
});
after(async () => {
  await api.close();
});

const sectorAt = (p: LonLat): SectorRow | undefined =>
  sectors.find(
    (s) =>
      s.min_lon <= p[0] &&
      p[0] <= s.max_lon &&
      s.min_lat <= p[1] &&
      p[1] <= s.max_lat &&
      containsPoint(s.geometry as Area, p),
  );
const sideAt = (p: LonLat) => sideOfLine(heldArea, p);
const offset = (c: LonLat, dx: number, dy: number): LonLat => [c[0] + dx, c[1] + dy];
const OFFSETS: LonLat[] = [-0.0045, -0.003, 0.003, 0.0045].flatMap((dx) =>
  [-0.0045, -0.003, 0.003, 0.0045].map((dy): LonLat => [dx, dy]),
);

/** A coarse cell (by its centre) meeting `ok`, away from the demo's incidents and from cells used before. */
async function findCell(ok: (centre: LonLat) => boolean): Promise<LonLat> {
  const incidents = await deps.db.selectFrom('incidents').select(['lon', 'lat']).execute();
  for (let x = 3420; x <= 3456; x++) {
    for (let y = 3122; y <= 3159; y++) {
      const c: LonLat = [x / 100, y / 100];
      const far = (p: { lon: number; lat: number } | LonLat, d: number) => {
        const [lon, lat] = Array.isArray(p) ? p : [p.lon, p.lat];
        return Math.abs(lon - c[0]) > d || Math.abs(lat - c[1]) > d;
      };
      if (incidents.every((i) => far(i, 0.02)) && usedCells.every((u) => far(u, 0.03)) && ok(c)) {
        usedCells.push(c);
        return c;
      }
    }
  }
  throw new Error('no such cell in the strip');
}

function reportBody(at: LonLat, eventType: string, subEventType: string) {
  slot += 1;
  return {
    clientId: randomUUID(),
    occurredAt: new Date(Date.now() - slot * 7 * 3600_000).toISOString(),
    location: { type: 'Point' as const, coordinates: at },
    eventType,
    subEventType,
    description: 'Seen from the roof of number 4.',
    source: { kind: 'public' as const, name: 'Neighbour' },
  };
}

/** Files a report through the API and answers with its incident's id and the time it occurred. */
async function file(
  at: LonLat,
  eventType = 'Riots',
  subEventType = 'Mob violence',
): Promise<{ incidentId: string; reportId: string; occurredAt: string }> {
  const body = reportBody(at, eventType, subEventType);
  const r = await monitor.client.call('createReport', { body });
  return { incidentId: r.incidentId, reportId: r.id, occurredAt: body.occurredAt };
}

async function setStatus(
  incidentId: string,
  change: { status: 'closed' | 'published'; outcome?: 'no_violation' },
): Promise<void> {
  await writeWithLog(deps, async (tx, record) => {
    const current = await tx.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow();
    await updateIncident(tx, record, current, change, 'transition', monitorActor, new Date());
  });
}

type Query = Omit<z.input<typeof ClusterQuery>, 'bbox'>;
type Cells = { lon: number; lat: number; count: number; status: string | null; violations: number }[];

/**
 * The attack: starting from a box ±0.05 degree around a guess, push each edge in by bisection
 * (20 steps per edge, 80 requests) as long as the target still shows; answers the tightest box
 * and every answer seen (without incident ids, which differ between two incidents by design).
 */
async function bisect(
  viewer: SignedInClient,
  guess: LonLat,
  query: Query,
): Promise<{ box: Bbox; transcript: Cells[] }> {
  const transcript: Cells[] = [];
  const shows = async (box: Bbox): Promise<boolean> => {
    const res = await viewer.client.call('incidentClusters', { query: { ...query, bbox: box.join(',') } });
    const cells = res.items.map(({ lon, lat, count, status, violations }) => ({ lon, lat, count, status, violations }));
    transcript.push(cells);
    return cells.some((c) => c.count > 0);
  };
  const box: Bbox = [guess[0] - 0.05, guess[1] - 0.05, guess[0] + 0.05, guess[1] + 0.05];
  assert.ok(await shows(box), 'the target shows in the starting box');
  for (const edge of [0, 1, 2, 3] as const) {
    const inward = edge < 2 ? 1 : -1; // west and south move up, east and north move down
    let ok = box[edge]; // still shows
    let bad = guess[edge % 2]! + inward * 0.05; // the far side: the target cannot show
    for (let step = 0; step < 20; step++) {
      const mid = (ok + bad) / 2;
      const trial: Bbox = [...box];
      trial[edge] = mid;
      if (await shows(trial)) ok = mid;
      else bad = mid;
    }
    box[edge] = ok;
  }
  return { box, transcript };
}

/** The public fields the log publishes (or will publish) of a record's latest change. */
async function loggedPublic(kind: string, id: string): Promise<Record<string, unknown>> {
  const row = await tdb.database.db
    .selectFrom('record_changes')
    .select('payload')
    .where('record_kind', '=', kind)
    .where('record_id', '=', id)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
    public: Record<string, unknown>;
  };
  return payload.public;
}

test('bisecting the map box around an incident, with any filter, tells a party nothing finer than its 0.01-degree cell', async () => {
  // Two incidents in one cell, 0.008 degree apart; a third variant of the cell moved by 0.
  const centre = await findCell((c) => {
    const s = sectorAt(c);
    return (
      s !== undefined &&
      [offset(c, 0.004, 0.0035), offset(c, -0.004, -0.0035)].every(
        (p) => sectorAt(p)?.id === s.id && sideAt(p) === sideAt(c),
      )
    );
  });
  const exactA = offset(centre, 0.004, 0.0035);
  const exactB = offset(centre, -0.004, -0.0035);
  const a = await file(exactA, 'Riots', 'Mob violence');
  const b = await file(exactB, 'Protests', 'Peaceful protest');
  // Status and type isolate each target on the pre-aggregated grid; time isolates it everywhere.
  await setStatus(a.incidentId, { status: 'closed' });
  await setStatus(b.incidentId, { status: 'closed' });
  const team = await coordinator.client.call('listIncidents', { query: { status: 'closed', limit: 500 } });
  for (const [id, type] of [
    [a.incidentId, 'Riots'],
    [b.incidentId, 'Protests'],
  ] as const) {
    assert.deepEqual(
      team.items.filter((i) => i.eventType === type).map((i) => i.id),
      [id],
      `only the target is a closed ${type} incident`,
    );
  }
  const sectorId = sectorAt(centre)!.id;
  const around = (t: string) => ({
    from: new Date(Date.parse(t) - 60_000).toISOString(),
    to: new Date(Date.parse(t) + 60_000).toISOString(),
  });
  const attacks: { name: string; a: Query; b: Query }[] = [
    {
      name: 'the grid (city zoom, type and status filters)',
      a: { zoom: 10, status: 'closed', eventType: 'Riots' },
      b: { zoom: 10, status: 'closed', eventType: 'Protests' },
    },
    {
      name: 'the grid at its finest level',
      a: { zoom: 14, status: 'closed', eventType: 'Riots' },
      b: { zoom: 14, status: 'closed', eventType: 'Protests' },
    },
    {
      name: 'street zoom with a time filter',
      a: { zoom: 18, ...around(a.occurredAt) },
      b: { zoom: 18, ...around(b.occurredAt) },
    },
    {
      name: 'time and sector filters',
      a: { zoom: 12, sectorId, ...around(a.occurredAt) },
      b: { zoom: 12, sectorId, ...around(b.occurredAt) },
    },
    {
      name: 'neighbourhood zoom with a time window',
      a: { zoom: 13, from: around(a.occurredAt).from, to: around(a.occurredAt).to },
      b: { zoom: 13, from: around(b.occurredAt).from, to: around(b.occurredAt).to },
    },
  ];
  let requests = 0;
  for (const attack of attacks) {
    const viewers = attack.name.startsWith('street') ? [observer, liaison] : [observer];
    for (const viewer of viewers) {
      const ra = await bisect(viewer, centre, attack.a);
      const rb = await bisect(viewer, centre, attack.b);
      requests += ra.transcript.length + rb.transcript.length;
      // Every answer the party got is the same for both exact points: they cannot be told apart.
      assert.deepEqual(
        ra.transcript,
        rb.transcript,
        `${attack.name}: a party's answers do not depend on the point inside its cell`,
      );
      assert.deepEqual(ra.box, rb.box);
      for (const c of ra.transcript.flat()) {
        assert.equal(c.lon, coarse(c.lon), `${attack.name}: cells show rounded points`);
        assert.equal(c.lat, coarse(c.lat));
      }
    }
    // The monitoring team's first answer already tells the two apart (so this test can fail).
    const box = [centre[0] - 0.05, centre[1] - 0.05, centre[0] + 0.05, centre[1] + 0.05].join(',');
    const ta = await coordinator.client.call('incidentClusters', { query: { ...attack.a, bbox: box } });
    const tb = await coordinator.client.call('incidentClusters', { query: { ...attack.b, bbox: box } });
    assert.notDeepEqual(
      ta.items.map((c) => [c.lon, c.lat]),
      tb.items.map((c) => [c.lon, c.lat]),
      `${attack.name}: the team sees exact points`,
    );
  }
  assert.ok(requests >= 6 * 2 * 80, `the attack made ${requests} requests`);
  // The same bisection by the team pins the exact point: this is the attack a party would run.
  const pinned = await bisect(coordinator, centre, attacks[2]!.a);
  assert.ok(
    pinned.box[0] <= exactA[0] && exactA[0] <= pinned.box[2] && pinned.box[2] - pinned.box[0] < 1e-5,
    `the team's bisection pins the point: ${pinned.box.join(',')}`,
  );

  // At street zoom a single-incident cell names the incident only at the point the list shows it.
  const street = await observer.client.call('incidentClusters', {
    query: {
      bbox: [centre[0] - 0.02, centre[1] - 0.02, centre[0] + 0.02, centre[1] + 0.02].join(','),
      zoom: 18,
      ...around(a.occurredAt),
    },
  });
  const listed = (await observer.client.call('getIncident', { params: { id: a.incidentId } })).location.coordinates;
  assert.deepEqual(
    street.items.map((c) => [c.incidentId, c.lon, c.lat]),
    [[a.incidentId, listed[0], listed[1]]],
  );
  assert.deepEqual(listed, centre);
  // Exports, as the party's screen: the cell's centre, ACLED "near" precision; the team gets the point.
  for (const [path, pick] of [
    [
      'incidents.geojson',
      async (res: Response) =>
        ((await res.json()) as { features: { id: string; geometry: { coordinates: LonLat } }[] }).features.find(
          (f) => f.id === a.incidentId,
        )?.geometry.coordinates,
    ],
    [
      'incidents.csv',
      async (res: Response) => {
        const line = (await res.text())
          .split('\n')
          .find((l) => l.startsWith(a.incidentId))!
          .split(',');
        return [Number(line[9]), Number(line[8])] as LonLat;
      },
    ],
  ] as const) {
    const seen = await pick(
      await fetch(`${server.url}/api/exports/${path}?status=closed`, { headers: { cookie: observer.cookie } }),
    );
    assert.deepEqual(seen, centre, `${path}: coarse for a party`);
    const full = await pick(
      await fetch(`${server.url}/api/exports/${path}?status=closed`, { headers: { cookie: coordinator.cookie } }),
    );
    assert.deepEqual(full, exactA, `${path}: exact for the team`);
  }
});

test("a cell straddling a sector boundary: filters, the sector shown, exports, the title, the sitrep and the public view use the cell centre's sector", async () => {
  let exact: LonLat = [0, 0];
  const centre = await findCell((c) => {
    const home = sectorAt(c);
    const p = OFFSETS.map(([dx, dy]) => offset(c, dx, dy)).find((q) => {
      const s = sectorAt(q);
      return home && s && s.id !== home.id;
    });
    if (p) exact = p;
    return p !== undefined;
  });
  const shownSector = sectorAt(centre)!;
  const trueSector = sectorAt(exact)!;
  assert.notEqual(shownSector.id, trueSector.id);
  const c = await file(exact);
  const window = {
    from: new Date(Date.parse(c.occurredAt) - 60_000).toISOString(),
    to: new Date(Date.parse(c.occurredAt) + 60_000).toISOString(),
  };
  const box = [centre[0] - 0.05, centre[1] - 0.05, centre[0] + 0.05, centre[1] + 0.05].join(',');

  for (const viewer of [observer, liaison]) {
    const seen = await viewer.client.call('getIncident', { params: { id: c.incidentId } });
    assert.equal(seen.sectorId, shownSector.id, "the incident shows the cell centre's sector");
    assert.equal(seen.reports[0]?.sectorId, shownSector.id, 'so does its report');
    assert.ok(seen.title.endsWith(shownSector.name), `the title names the shown sector (${seen.title})`);
    const inTrue = await viewer.client.call('listIncidents', { query: { sectorId: trueSector.id, ...window } });
    const inShown = await viewer.client.call('listIncidents', { query: { sectorId: shownSector.id, ...window } });
    assert.deepEqual(
      inTrue.items.map((i) => i.id),
      [],
      "the true sector's filter does not find it",
    );
    assert.deepEqual(
      inShown.items.map((i) => i.id),
      [c.incidentId],
    );
    for (const zoom of [8, 12, 18]) {
      const cellsTrue = await viewer.client.call('incidentClusters', {
        query: { bbox: box, zoom, sectorId: trueSector.id, ...window },
      });
      const cellsShown = await viewer.client.call('incidentClusters', {
        query: { bbox: box, zoom, sectorId: shownSector.id, ...window },
      });
      assert.equal(
        cellsTrue.items.reduce((n, x) => n + x.count, 0),
        0,
        `zoom ${zoom}: no count in the true sector`,
      );
      assert.equal(
        cellsShown.items.reduce((n, x) => n + x.count, 0),
        1,
        `zoom ${zoom}: counted in the shown sector`,
      );
    }
    const csv = await (
      await fetch(
        `${server.url}/api/exports/incidents.csv?sectorId=${trueSector.id}&from=${window.from}&to=${window.to}`,
        { headers: { cookie: viewer.cookie } },
      )
    ).text();
    assert.ok(!csv.includes(c.incidentId), 'the export filtered on the true sector leaves it out');
    const all = await (
      await fetch(`${server.url}/api/exports/incidents.csv?from=${window.from}&to=${window.to}`, {
        headers: { cookie: viewer.cookie },
      })
    ).text();
    const row = all.split('\n').find((l) => l.startsWith(c.incidentId))!;
    assert.ok(
      row.includes(`,${shownSector.name},`) && !row.includes(trueSector.name),
      `admin2 is the shown sector: ${row}`,
    );
  }
  // The public log publishes the shown sector too; the true one only as a commitment.
  const team = await coordinator.client.call('getIncident', { params: { id: c.incidentId } });
  assert.equal((await loggedPublic('incident', c.incidentId)).sectorId, shownSector.id);
  assert.equal((await loggedPublic('report', team.reports[0]!.id)).sectorId, shownSector.id);
  // The monitoring team sees and filters by the true sector.
  assert.equal(team.sectorId, trueSector.id);
  assert.deepEqual(
    (await coordinator.client.call('listIncidents', { query: { sectorId: trueSector.id, ...window } })).items.map(
      (i) => i.id,
    ),
    [c.incidentId],
  );

  // The sitrep (JSON and Markdown) carries no per-sector incident figures and no exact point.
  for (const viewer of [observer, liaison]) {
    const json = await (await fetch(`${server.url}/api/sitrep`, { headers: { cookie: viewer.cookie } })).text();
    assert.match(json, /"monitoring"/);
    const md = await (await fetch(`${server.url}/api/sitrep.md`, { headers: { cookie: viewer.cookie } })).text();
    for (const text of [json, md]) {
      assert.ok(
        !text.includes(trueSector.id) && !text.includes(String(exact[0])) && !text.includes(String(exact[1])),
        'nothing of the exact place in the sitrep',
      );
    }
  }

  // Published, it is on the public page with the shown sector and the cell's centre.
  await setStatus(c.incidentId, { status: 'published', outcome: 'no_violation' });
  const pub = (await (await fetch(`${server.url}/api/public/rulings`)).json()) as {
    items: { id: string; sectorId: string; title: string; location: { coordinates: LonLat } }[];
  };
  const ruling = pub.items.find((i) => i.id === c.incidentId)!;
  assert.equal(ruling.sectorId, shownSector.id);
  assert.deepEqual(ruling.location.coordinates, centre);
  assert.ok(!JSON.stringify(ruling).includes(trueSector.name));
});

test('a cell straddling the control line: a party is told the side of the cell centre, the team the true side', async () => {
  let exact: LonLat = [0, 0];
  const centre = await findCell((c) => {
    if (!sectorAt(c)) return false;
    const p = OFFSETS.map(([dx, dy]) => offset(c, dx, dy)).find((q) => sectorAt(q) && sideAt(q) !== sideAt(c));
    if (p) exact = p;
    return p !== undefined;
  });
  assert.notEqual(sideAt(centre), sideAt(exact));
  const c = await file(exact);
  for (const viewer of [observer, liaison]) {
    const seen = await viewer.client.call('getIncident', { params: { id: c.incidentId } });
    assert.equal(seen.side, sideAt(centre));
    assert.equal(seen.reports[0]?.side, sideAt(centre));
    const listed = (await viewer.client.call('listIncidents', { query: { limit: 500 } })).items.find(
      (i) => i.id === c.incidentId,
    );
    assert.equal(listed?.side, sideAt(centre));
  }
  const team = await coordinator.client.call('getIncident', { params: { id: c.incidentId } });
  assert.equal(
    (await loggedPublic('incident', c.incidentId)).side,
    sideAt(centre),
    'the public log publishes the side of the cell centre',
  );
  assert.equal((await loggedPublic('report', team.reports[0]!.id)).side, sideAt(centre));
  assert.equal(team.side, sideAt(exact));
  assert.equal(team.reports[0]?.side, sideAt(exact));
});

test('the live stream tells a party which record changed, never where', async () => {
  const stream = await openEventStream(`${server.url}/api/monitoring/events`, { cookie: observer.cookie });
  try {
    await stream.until(/event: ready/);
    const centre = await findCell((c) => sectorAt(c) !== undefined);
    const exact = offset(centre, 0.0031, -0.0042);
    const r = await file(exact);
    await stream.until(new RegExp(`event: incident\\ndata: [^\\n]*${r.incidentId}`));
    const payloads = stream
      .text()
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
    for (const p of payloads.slice(1))
      assert.deepEqual(Object.keys(p).sort(), ['at', 'id', 'topic'], 'only which record changed, and when');
    assert.ok(!stream.text().includes(String(exact[0])) && !stream.text().includes(String(coarse(exact[0]))));
  } finally {
    stream.close();
  }
});
