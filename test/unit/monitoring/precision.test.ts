/**
 * What of a report or incident the public log may hold: locations rounded to 0.01 degree, the
 * exact point only among the restricted fields (committed to, never shown).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coarse, coarsePoint, coarseSector } from '../../../src/domain/monitoring/precision.ts';
import type { Area } from '../../../src/domain/geo.ts';
import type { ReportRow } from '../../../src/repositories/monitoring/reports.ts';
import type { IncidentState } from '../../../src/services/monitoring/incident-writes.ts';
import { incidentKind, reportKind } from '../../../src/log/kinds/monitoring.ts';

test('coarse rounds to the nearest 0.01 degree, at most 0.005 away, and is stable', () => {
  assert.deepEqual(coarsePoint(34.45678, 31.50432), [34.46, 31.5]);
  assert.equal(coarse(34.455), 34.46);
  fc.assert(
    fc.property(fc.double({ min: -180, max: 180, noNaN: true }), (v) => {
      const c = coarse(v);
      return Math.abs(c - v) <= 0.005 + 1e-9 && coarse(c) === c;
    }),
  );
});

const at = new Date('2025-10-20T10:00:00Z');
const report: ReportRow = {
  id: 'r1',
  client_id: 'c1',
  incident_id: 'i1',
  sector_id: 's1',
  side: null,
  coarse_sector_id: 's1',
  coarse_side: null,
  occurred_at: at,
  time_precision: 1,
  lon: 34.45678,
  lat: 31.50432,
  geo_precision: 1,
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  observations: {},
  actor1: null,
  actor2: null,
  fatalities: {},
  injuries: {},
  source_kind: 'public',
  source_name: 'Neighbour',
  source_reliability: 'probable',
  description: 'seen from the window',
  evidence: [],
  author_user_id: null,
  author_org_id: 'o1',
  version: 1,
  created_at: at,
  facts: {},
  place_id: null,
  coarse_place_id: null,
};
const incident: IncidentState = {
  id: 'i1',
  title: 't',
  status: 'alleged',
  outcome: null,
  provision_id: null,
  responsible_org_id: null,
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  occurred_at: at,
  lon: 34.45678,
  lat: 31.50432,
  sector_id: null,
  side: null,
  coarse_lon: 34.46,
  coarse_lat: 31.5,
  coarse_sector_id: null,
  coarse_side: null,
  report_count: 1,
  assignee_user_id: null,
  merged_into: null,
  ruling_round: 0,
  version: 1,
  created_at: at,
  updated_at: at,
};

test('public fields of reports and incidents carry rounded locations only; the exact point is restricted', () => {
  for (const [pub, restricted] of [
    [reportKind.public(report), reportKind.restricted(report)],
    [incidentKind.public(incident), incidentKind.restricted(incident)],
  ] as const) {
    assert.equal(pub.lon, 34.46);
    assert.equal(pub.lat, 31.5);
    assert.ok(!JSON.stringify(pub).includes('34.45678') && !JSON.stringify(pub).includes('31.50432'));
    assert.equal(restricted?.exactLon, 34.45678);
    assert.equal(restricted?.exactLat, 31.50432);
  }
  assert.equal(reportKind.restricted(report)?.sourceName, 'Neighbour');
});

const box = (w: number, s: number, e: number, n: number): Area => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

test('the sector of a coarse cell is that of its centre, else the one covering most of the cell; never of the exact point', () => {
  // West and East meet at 34.453, inside the cell of 34.45 (34.445 to 34.455).
  const west = { id: 'w', name: 'West', geometry: box(34.3, 31.4, 34.453, 31.6) };
  const east = { id: 'e', name: 'East', geometry: box(34.453, 31.4, 34.6, 31.6) };
  assert.equal(coarseSector([east, west], [34.45, 31.5])?.id, 'w', 'the centre lies in West');
  // Whatever exact point rounds to this cell, the answer is the same.
  fc.assert(
    fc.property(
      fc.double({ min: 34.4451, max: 34.4549, noNaN: true }),
      (lon) => coarseSector([west, east], coarsePoint(lon, 31.5))?.id === 'w',
    ),
  );
  // A coast cell whose centre is in no sector: the sector covering most of it (B about 32%, A 30%).
  const coastWest = { id: 'cw', name: 'A', geometry: box(34.3, 31.4, 34.448, 31.6) };
  const coastEast = { id: 'ce', name: 'B', geometry: box(34.448, 31.4, 34.6, 31.4996) };
  assert.equal(coarseSector([coastWest, coastEast], [34.45, 31.5])?.id, 'ce');
  assert.equal(coarseSector([], [34.45, 31.5]), null);
});
