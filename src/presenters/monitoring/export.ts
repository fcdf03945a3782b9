/**
 * @module Incidents for other tools: CSV with ACLED's column names (so ACLED-shaped pipelines
 * read it; `truce import reports` reads it back) plus an HXL hashtag row, and GeoJSON. Built
 * from the API's own incident shape, so a party's export is redacted exactly as its screen is
 * (points rounded to ~1 km, no monitor names).
 */
import type { Incident } from '../../contract/monitoring.ts';
import { csvTable, type Column } from '../csv.ts';

const COLUMNS: readonly Column<Incident, ExportContext>[] = [
  ['event_id_cnty', '#event+id', (i) => i.id],
  ['event_date', '#date+occurred', (i) => i.occurredAt.slice(0, 10)],
  ['year', '#date+year', (i) => Number(i.occurredAt.slice(0, 4))],
  ['event_type', '#event+type', (i) => i.eventType],
  ['sub_event_type', '#event+type+sub', (i) => i.subEventType],
  ['iso', '#country+code+num', () => 275],
  ['country', '#country+name', () => 'Palestine'],
  ['admin2', '#adm2+name', (i, c) => (i.sectorId ? (c.sectorNames.get(i.sectorId) ?? '') : '')],
  ['latitude', '#geo+lat', (i) => i.location.coordinates[1]],
  ['longitude', '#geo+lon', (i) => i.location.coordinates[0]],
  // ACLED: 1 = the exact place, 2 = near it; rounded points are "near".
  ['geo_precision', '#geo+precision', (_i, c) => (c.exact ? 1 : 2)],
  ['occurred_at', '#date+occurred+time', (i) => i.occurredAt],
  ['status', '#status', (i) => i.status],
  ['outcome', '#indicator+outcome', (i) => i.outcome],
  [
    'responsible_party',
    '#org+responsible',
    (i, c) => (i.responsiblePartyId ? (c.orgNames.get(i.responsiblePartyId) ?? i.responsiblePartyId) : null),
  ],
  ['provision_id', '#meta+provision', (i) => i.provisionId],
  // What the ruling found: the provision it cites, by reference and title (issue 13).
  [
    'provision',
    '#meta+provision+name',
    (i, c) => (i.provisionId ? (c.provisionNames.get(i.provisionId) ?? null) : null),
  ],
  ['report_count', '#indicator+reports+num', (i) => i.reportCount],
  ['title', '#event+name', (i) => i.title],
];

export interface ExportContext {
  sectorNames: ReadonlyMap<string, string>;
  orgNames: ReadonlyMap<string, string>;
  provisionNames: ReadonlyMap<string, string>;
  /** Whether the viewer sees exact points (monitors, coordinators) or rounded ones. */
  exact: boolean;
}

export function incidentsCsv(items: readonly Incident[], ctx: ExportContext): string {
  return csvTable(COLUMNS, items, ctx);
}

export function incidentsGeoJson(items: readonly Incident[], ctx: ExportContext): object {
  return {
    type: 'FeatureCollection',
    features: items.map((i) => ({
      type: 'Feature',
      id: i.id,
      geometry: i.location,
      properties: Object.fromEntries(
        COLUMNS.filter(([h]) => h !== 'latitude' && h !== 'longitude').map(([h, , value]) => [h, value(i, ctx)]),
      ),
    })),
  };
}
