/** The incident workflow table and its one check function; grouping and intake rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allowedTargets,
  checkTransition,
  INCIDENT_STATUSES,
  TRANSITIONS,
} from '../../../src/domain/monitoring/workflow.ts';
import { distanceKm, pickIncident, searchBox } from '../../../src/domain/monitoring/grouping.ts';
import { checkReportRules } from '../../../src/domain/monitoring/intake.ts';
import { isSubEventOf } from '../../../src/domain/monitoring/acled.ts';
import { cellSizeDegrees } from '../../../src/domain/monitoring/clustering.ts';

test('the table is exactly the documented workflow', () => {
  const edges = INCIDENT_STATUSES.flatMap((from) =>
    Object.entries(TRANSITIONS[from]).map(([to, mode]) => `${from}>${to}:${mode}`),
  );
  assert.deepEqual(
    edges.sort(),
    [
      'alleged>closed:request',
      'alleged>preliminary:request',
      'closed>investigating:request',
      'investigating>closed:request',
      'investigating>ruling_proposed:request',
      'preliminary>closed:request',
      'preliminary>investigating:request',
      'ruled>published:request',
      'ruled>appealed:appeal',
      'published>appealed:appeal',
      'appealed>ruled:quorum',
      'appealed>published:quorum',
      'appealed>investigating:quorum',
      'ruling_proposed>investigating:request',
      'ruling_proposed>ruled:quorum',
    ].sort(),
  );
  assert.deepEqual(allowedTargets('published'), []);
});

test('checkTransition allows exactly the table, and ruled only by quorum', () => {
  for (const from of INCIDENT_STATUSES) {
    for (const to of INCIDENT_STATUSES) {
      const r = checkTransition(from, { to, outcome: to === 'ruling_proposed' ? 'no_violation' : undefined });
      assert.equal(r.ok, TRANSITIONS[from][to] === 'request', `${from} -> ${to}`);
      if (!r.ok) assert.equal(r.kind, 'conflict');
    }
  }
  assert.equal(checkTransition('ruling_proposed', { to: 'ruled' }, 'quorum').ok, true);
  assert.equal(checkTransition('published', { to: 'appealed' }, 'appeal').ok, true);
  assert.equal(checkTransition('appealed', { to: 'investigating' }, 'quorum').ok, true);
});

test('a proposed ruling needs its outcome; a violation its provision and party; others carry none', () => {
  assert.deepEqual(checkTransition('investigating', { to: 'ruling_proposed' }), {
    ok: false,
    kind: 'invalid',
    path: 'outcome',
    message: 'a proposed ruling needs its outcome',
  });
  assert.equal(
    (
      checkTransition('investigating', { to: 'ruling_proposed', outcome: 'violation', responsiblePartyId: 'p' }) as {
        path: string;
      }
    ).path,
    'provisionId',
  );
  assert.equal(
    (
      checkTransition('investigating', { to: 'ruling_proposed', outcome: 'violation', provisionId: 'x' }) as {
        path: string;
      }
    ).path,
    'responsiblePartyId',
  );
  assert.equal(
    checkTransition('investigating', {
      to: 'ruling_proposed',
      outcome: 'violation',
      provisionId: 'x',
      responsiblePartyId: 'p',
    }).ok,
    true,
  );
  assert.equal(
    (checkTransition('alleged', { to: 'preliminary', outcome: 'violation' }) as { path: string }).path,
    'outcome',
  );
});

test('grouping picks the closest incident within distance and window, and the box holds the radius', () => {
  const at = new Date('2025-10-20T10:00:00Z');
  const c = (id: string, lon: number, lat: number, minutes: number) => ({
    id,
    lon,
    lat,
    occurredAt: new Date(at.getTime() + minutes * 60000),
  });
  const picked = pickIncident({ lon: 34.45, lat: 31.5, occurredAt: at }, [
    c('far', 34.5, 31.5, 0),
    c('near', 34.451, 31.5, 30),
    c('nearer', 34.4505, 31.5, 200),
    c('mid', 34.455, 31.5, -60),
  ]);
  assert.equal(picked?.id, 'near');
  assert.equal(pickIncident({ lon: 34.45, lat: 31.5, occurredAt: at }, [c('late', 34.45, 31.5, 181)]), undefined);
  fc.assert(
    fc.property(
      fc.double({ min: 34, max: 35, noNaN: true }),
      fc.double({ min: 31, max: 32, noNaN: true }),
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      (lon, lat, angle) => {
        const box = searchBox([lon, lat], 1.5);
        // A point 1.49 km away in any direction lies inside the box.
        const dLat = (1.49 / 111.32) * Math.sin(angle);
        const dLon = (1.49 / (111.32 * Math.cos((lat * Math.PI) / 180))) * Math.cos(angle);
        const p: [number, number] = [lon + dLon, lat + dLat];
        return (
          distanceKm([lon, lat], p) < 1.5 &&
          p[0] >= box.minLon &&
          p[0] <= box.maxLon &&
          p[1] >= box.minLat &&
          p[1] <= box.maxLat
        );
      },
    ),
  );
});

test('intake rules: future, before 2023, and ACLED pairing', () => {
  const now = new Date('2025-10-20T10:00:00Z');
  const ok = { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' };
  assert.deepEqual(checkReportRules({ ...ok, occurredAt: new Date('2025-10-20T10:04:00Z') }, now), []);
  assert.equal(checkReportRules({ ...ok, occurredAt: new Date('2025-10-20T10:06:00Z') }, now)[0]?.path, 'occurredAt');
  assert.equal(checkReportRules({ ...ok, occurredAt: new Date('2022-12-31T00:00:00Z') }, now)[0]?.path, 'occurredAt');
  assert.equal(
    checkReportRules({ eventType: 'Battles', subEventType: 'Grenade', occurredAt: now }, now)[0]?.path,
    'subEventType',
  );
  assert.equal(isSubEventOf('Violence against civilians', 'Abduction/forced disappearance'), true);
});

test('cluster cells shrink by half per zoom level', () => {
  assert.equal(cellSizeDegrees(0), 90);
  assert.equal(cellSizeDegrees(10) * 2, cellSizeDegrees(9));
});

test('grid deltas: a status change moves one count between keys at every level; an assignment changes nothing', async () => {
  const { gridDeltas, GRID_LEVELS } = await import('../../../src/domain/monitoring/clustering.ts');
  const base = {
    lon: 34.4512,
    lat: 31.5034,
    coarse_lon: 34.45,
    coarse_lat: 31.5,
    status: 'alleged',
    event_type: 'Battles',
    outcome: null,
    merged_into: null,
  };
  assert.deepEqual(gridDeltas(base, { ...base }), []);
  const created = gridDeltas(null, base);
  assert.equal(created.length, GRID_LEVELS.length);
  assert.ok(created.every((d) => d.n === 1));
  const moved = gridDeltas(base, { ...base, status: 'ruled', outcome: 'violation' });
  assert.equal(moved.length, 2 * GRID_LEVELS.length);
  assert.equal(
    moved.reduce((s, d) => s + d.n, 0),
    0,
  );
  assert.equal(
    moved.reduce((s, d) => s + d.violations, 0),
    GRID_LEVELS.length,
  );
  assert.ok(gridDeltas(base, { ...base, merged_into: 'x' }).every((d) => d.n === -1));
  // Sorted by key, so concurrent writers lock grid rows in one order.
  const keys = moved.map((d) => `${d.level}|${d.gx}|${d.gy}|${d.status}|${d.event_type}`);
  assert.deepEqual(keys, [...keys].sort());
  // The coarse grid sees the coarse point only: two exact points of one coarse cell add the same.
  const coarse = gridDeltas(null, base, 'coarse');
  assert.deepEqual(coarse, gridDeltas(null, { ...base, lon: 34.4549, lat: 31.4951 }, 'coarse'));
  assert.ok(coarse.every((d) => d.sum_lon === 34.45 && d.sum_lat === 31.5));
});
