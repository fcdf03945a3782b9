/**
 * @module The plan on the map for any day of the period (a slider): each sector coloured by what
 * the check found that day (vacuum red, understrength amber; a sector where a unit lacks the
 * consent its rules require is outlined, whatever its fill, since it also covers nothing there),
 * the control line valid that day, and, on request, the ground released or taken between two
 * versions of the line, in km².
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { BaseMap, type MapControlLine, type MapSector } from '../map/BaseMap.tsx';
import { useFormat } from '../../i18n/format.ts';
import {
  addDays,
  useLineDiff,
  type ControlLine,
  type Finding,
  type LineDiff,
  type Period,
  type Sector,
} from '../force/queries.ts';
import { dayNumber } from './timeline.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const UNCONSENTED = '#be185d';

function statusData(sectors: readonly Sector[], findings: readonly Finding[], day: string): FeatureCollection {
  const d = dayNumber(day);
  const state = new Map<string, 'vacuum' | 'understrength'>();
  const unconsented = new Set<string>();
  for (const f of findings) {
    if (dayNumber(f.from) > d || dayNumber(f.to) < d) continue;
    if (f.kind === 'vacuum') state.set(f.sectorId, 'vacuum');
    else if (f.kind === 'understrength' && !state.has(f.sectorId)) state.set(f.sectorId, 'understrength');
    else if (f.kind === 'unconsented') unconsented.add(f.sectorId);
  }
  return {
    type: 'FeatureCollection',
    features: sectors
      .filter((s) => state.has(s.id) || unconsented.has(s.id))
      .map((s) => ({
        type: 'Feature',
        properties: { state: state.get(s.id) ?? 'none', unconsented: unconsented.has(s.id) },
        geometry: s.geometry,
      })),
  };
}

function diffData(diff: LineDiff | undefined): FeatureCollection {
  if (!diff) return EMPTY;
  const features: FeatureCollection['features'] = [];
  if (diff.released) features.push({ type: 'Feature', properties: { part: 'released' }, geometry: diff.released });
  if (diff.taken) features.push({ type: 'Feature', properties: { part: 'taken' }, geometry: diff.taken });
  return { type: 'FeatureCollection', features };
}

function lineAt(lines: readonly ControlLine[], day: string): ControlLine | undefined {
  const at = Date.parse(`${day}T23:59:59Z`);
  return lines.find((l) => Date.parse(l.validFrom) <= at && (l.validTo === null || Date.parse(l.validTo) > at));
}

interface Props {
  from: string;
  to: string;
  sectors: readonly Sector[];
  lines: readonly ControlLine[];
  findings: readonly Finding[];
}

export function HandoverMap({ from, to, sectors, lines, findings }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const days = Math.max(0, dayNumber(to) - dayNumber(from));
  const [offset, setOffset] = useState(0);
  const day = addDays(from, Math.min(offset, days));
  const [range, setRange] = useState<Period | null>(null);
  const diff = useLineDiff(range);
  const diffReady = diff.status === 'ready' ? diff.data : undefined;
  const mapRef = useRef<maplibregl.Map | null>(null);
  const line = lineAt(lines, day);
  const controlLine: MapControlLine | null = useMemo(
    () => (line ? { geometry: line.geometry, heldArea: line.heldArea } : null),
    [line],
  );
  const mapSectors: MapSector[] = useMemo(
    () => sectors.map((s) => ({ id: s.id, name: s.name, geometry: s.geometry })),
    [sectors],
  );
  const status = useMemo(() => statusData(sectors, findings, day), [sectors, findings, day]);
  const diffShapes = useMemo(() => diffData(diffReady), [diffReady]);
  const [a, setA] = useState('');
  const [b, setB] = useState('');

  useEffect(() => {
    void mapRef.current?.getSource<maplibregl.GeoJSONSource>('handover-status')?.setData(status);
  }, [status]);
  useEffect(() => {
    void mapRef.current?.getSource<maplibregl.GeoJSONSource>('line-diff')?.setData(diffShapes);
  }, [diffShapes]);

  const onReady = (map: maplibregl.Map) => {
    mapRef.current = map;
    map.addSource('handover-status', { type: 'geojson', data: status });
    map.addSource('line-diff', { type: 'geojson', data: diffShapes });
    map.addLayer(
      {
        id: 'handover-status',
        type: 'fill',
        source: 'handover-status',
        filter: ['!=', ['get', 'state'], 'none'],
        paint: { 'fill-color': ['match', ['get', 'state'], 'vacuum', '#dc2626', '#f59e0b'], 'fill-opacity': 0.45 },
      },
      'sectors-outline',
    );
    map.addLayer({
      id: 'handover-unconsented',
      type: 'line',
      source: 'handover-status',
      filter: ['==', ['get', 'unconsented'], true],
      paint: { 'line-color': UNCONSENTED, 'line-width': 4, 'line-dasharray': [2, 1] },
    });
    map.addLayer({
      id: 'line-diff',
      type: 'fill',
      source: 'line-diff',
      paint: { 'fill-color': ['match', ['get', 'part'], 'released', '#16a34a', '#7c3aed'], 'fill-opacity': 0.6 },
    });
  };

  const vacuums = status.features.filter((x) => x.properties?.state === 'vacuum').length;
  const unconsented = status.features.filter((x) => x.properties?.unconsented === true).length;
  return (
    <div className="handover-map" data-testid="handover-map">
      <div className="plan-controls">
        <label className="handover-map__slider">
          {t('handoverUi.mapDay', { date: f.date(day) })}
          <input
            type="range"
            min={0}
            max={days}
            step={1}
            value={Math.min(offset, days)}
            onChange={(e) => setOffset(Number(e.target.value))}
            aria-valuetext={f.date(day)}
            data-testid="map-day"
          />
        </label>
        <p className="muted" data-testid="map-day-summary" role="status">
          {t('handoverUi.mapSummary', {
            vacuums,
            line: line ? t('handoverUi.lineVersion', { n: line.lineVersion }) : t('handoverUi.noLine'),
          })}
        </p>
        <p className="muted" data-testid="map-unconsented-summary" role="status">
          {t('handoverUi.mapUnconsented', { count: unconsented })}
        </p>
      </div>
      <BaseMap
        sectors={mapSectors}
        controlLine={controlLine}
        onMapReady={onReady}
        label={t('handoverUi.mapLabel', { date: f.date(day) })}
        testId="handover-base-map"
      />
      <ul className="gap-chart__legend" data-testid="handover-map-legend">
        <li>
          <svg width="18" height="10" aria-hidden="true" focusable="false">
            <rect width="18" height="10" className="timeline__finding timeline__finding--vacuum" />
          </svg>
          <span>{t('handoverUi.kind.vacuum')}</span>
        </li>
        <li>
          <svg width="18" height="10" aria-hidden="true" focusable="false">
            <rect width="18" height="10" className="timeline__finding timeline__finding--understrength" />
          </svg>
          <span>{t('handoverUi.kind.understrength')}</span>
        </li>
        <li>
          <svg width="18" height="10" aria-hidden="true" focusable="false">
            <rect
              x="1"
              y="1"
              width="16"
              height="8"
              fill="none"
              stroke={UNCONSENTED}
              strokeWidth="2"
              strokeDasharray="4 2"
            />
          </svg>
          <span>{t('handoverUi.mapLegendUnconsented')}</span>
        </li>
      </ul>
      <p className="note">{t('handoverUi.mapCredit')}</p>
      <form
        className="plan-controls"
        onSubmit={(e) => {
          e.preventDefault();
          if (a && b) setRange({ from: a, to: b });
        }}
        data-testid="line-diff-form"
      >
        <label>
          {t('handoverUi.diffFrom')}
          <select value={a} onChange={(e) => setA(e.target.value)} required>
            <option value="">{t('forceUi.choose')}</option>
            {lines.map((l) => (
              <option
                key={l.id}
                value={l.id}
              >{`${l.name} v${l.lineVersion} (${f.date(l.validFrom.slice(0, 10))})`}</option>
            ))}
          </select>
        </label>
        <label>
          {t('handoverUi.diffTo')}
          <select value={b} onChange={(e) => setB(e.target.value)} required>
            <option value="">{t('forceUi.choose')}</option>
            {lines.map((l) => (
              <option
                key={l.id}
                value={l.id}
              >{`${l.name} v${l.lineVersion} (${f.date(l.validFrom.slice(0, 10))})`}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--secondary">
          {t('handoverUi.diffSubmit')}
        </button>
      </form>
      {diff.status === 'ready' && (
        <p data-testid="line-diff" role="status">
          {t('handoverUi.diffResult', {
            released: f.number(diff.data.releasedKm2),
            taken: f.number(diff.data.takenKm2),
          })}
        </p>
      )}
    </div>
  );
}
