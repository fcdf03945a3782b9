/**
 * @module The live incident map: the base map plus incidents aggregated by the server for the
 * current viewport, zoom and filters (never every point to the browser): a query keyed by them,
 * so a slow answer for an old view never replaces the current one. Refetched when the view moves,
 * the filters change or a live event arrives. A click either picks the location
 * for the report form or opens/zooms into what was clicked.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import { BaseMap } from '../map/BaseMap.tsx';
import { useClusters, useCurrentLine, useSectors, type Sector, type Viewport } from './queries.ts';
import { openIncident } from './query.ts';

interface Props {
  /** When set, a click on the map picks the report's location instead of opening incidents. */
  onPick?: ((lonLat: [number, number]) => void) | undefined;
  picked?: [number, number] | null;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const NO_SECTORS: Sector[] = [];

export function MonitoringMap({ onPick, picked }: Props) {
  const { t } = useTranslation();
  const sectorsRemote = useSectors();
  const lineRemote = useCurrentLine();
  const sectors = (sectorsRemote.status === 'idle' ? undefined : sectorsRemote.data) ?? NO_SECTORS;
  const controlLine = (lineRemote.status === 'idle' ? undefined : lineRemote.data) ?? null;
  const mapRef = useRef<MapLibreMap | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [view, setView] = useState<Viewport | null>(null);
  const clustersRemote = useClusters(view);
  // A failed load keeps what the map had; the list above the map shows load errors.
  const clusters = clustersRemote.status === 'idle' ? undefined : clustersRemote.data;

  const refresh = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    const b = map.getBounds();
    const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
    const bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map((v) => v.toFixed(5))
      .join(',');
    setView({ bbox, zoom: Math.floor(map.getZoom()) });
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !clusters) return;
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: clusters.map((c) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: {
          count: c.count,
          incidentId: c.incidentId ?? '',
          status: c.status ?? '',
          violations: c.violations,
        },
      })),
    };
    void map.getSource<GeoJSONSource>('incidents')?.setData(data);
    map.getContainer().setAttribute('data-incident-count', String(clusters.reduce((s, c) => s + c.count, 0)));
  }, [clusters, mapReady]);

  const onReady = useCallback(
    (map: MapLibreMap) => {
      mapRef.current = map;
      map.addSource('incidents', { type: 'geojson', data: EMPTY });
      map.addSource('picked', { type: 'geojson', data: EMPTY });
      map.addLayer({
        id: 'incidents',
        type: 'circle',
        source: 'incidents',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 6, 10, 12, 1000, 28],
          'circle-color': [
            'case',
            ['>', ['get', 'violations'], 0],
            '#a3242c',
            ['==', ['get', 'status'], 'published'],
            '#5b3f8c',
            '#1f6fb2',
          ],
          'circle-opacity': 0.8,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      map.addLayer({
        id: 'picked',
        type: 'circle',
        source: 'picked',
        paint: { 'circle-radius': 7, 'circle-color': '#111', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
      });
      map.on('moveend', refresh);
      map.on('click', 'incidents', (e: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }) => {
        if (pickRef.current) return;
        const p = e.features?.[0]?.properties;
        if (p && typeof p.incidentId === 'string' && p.incidentId) openIncident(p.incidentId);
        else map.easeTo({ center: e.lngLat, zoom: map.getZoom() + 2 });
      });
      map.on('mouseenter', 'incidents', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'incidents', () => (map.getCanvas().style.cursor = ''));
      setMapReady(true);
      refresh();
    },
    [refresh],
  );

  useEffect(() => {
    const src = mapRef.current?.getSource<GeoJSONSource>('picked');
    void src?.setData(
      picked
        ? {
            type: 'FeatureCollection',
            features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: picked }, properties: {} }],
          }
        : EMPTY,
    );
  }, [picked]);

  return (
    <BaseMap
      sectors={sectors}
      controlLine={controlLine ? { geometry: controlLine.geometry, heldArea: controlLine.heldArea } : null}
      onMapReady={onReady}
      onClick={(lonLat) => pickRef.current?.(lonLat)}
      label={t('monitoringUi.map.label')}
      testId="monitoring-map"
      className={onPick ? 'base-map--picking' : ''}
    >
      <p className="monitoring-map__hint">{onPick ? t('monitoringUi.map.pickHint') : t('monitoringUi.map.legend')}</p>
    </BaseMap>
  );
}
