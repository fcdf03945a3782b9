/**
 * @module The live incident map: the base map plus incidents aggregated by the server for the
 * current viewport, zoom and filters (never every point to the browser). Refetched when the
 * view moves, the filters change or a live event arrives. A click either picks the location
 * for the report form or opens/zooms into what was clicked.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import { BaseMap } from '../map/BaseMap.tsx';
import { api } from '../../store/api.ts';
import { filterQuery, monitoringStore, useMonitoring } from './store.ts';
import { openIncident } from './query.ts';

interface Props {
  /** When set, a click on the map picks the report's location instead of opening incidents. */
  onPick?: ((lonLat: [number, number]) => void) | undefined;
  picked?: [number, number] | null;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function MonitoringMap({ onPick, picked }: Props) {
  const { t } = useTranslation();
  const sectors = useMonitoring((s) => s.sectors);
  const controlLine = useMonitoring((s) => s.controlLine);
  const tick = useMonitoring((s) => s.tick);
  const mapRef = useRef<MapLibreMap | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const request = useRef(0);

  const refresh = useCallback(async () => {
    const map = mapRef.current;
    if (!map) return;
    const b = map.getBounds();
    const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
    const bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].map((v) => v.toFixed(5)).join(',');
    const mine = ++request.current;
    try {
      const res = await api.call('incidentClusters', { query: { bbox, zoom: Math.floor(map.getZoom()), ...filterQuery(monitoringStore.get().filters) } });
      if (mine !== request.current) return;
      const data: FeatureCollection = {
        type: 'FeatureCollection',
        features: res.items.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
          properties: { count: c.count, incidentId: c.incidentId ?? '', status: c.status ?? '', violations: c.violations },
        })),
      };
      void map.getSource<GeoJSONSource>('incidents')?.setData(data);
      map.getContainer().setAttribute('data-incident-count', String(res.items.reduce((s, c) => s + c.count, 0)));
    } catch {
      // The list above the map shows load errors; the map keeps what it had.
    }
  }, []);

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
          'circle-color': ['case', ['>', ['get', 'violations'], 0], '#a3242c', ['==', ['get', 'status'], 'published'], '#5b3f8c', '#1f6fb2'],
          'circle-opacity': 0.8,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      map.addLayer({ id: 'picked', type: 'circle', source: 'picked', paint: { 'circle-radius': 7, 'circle-color': '#111', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
      map.on('moveend', () => void refresh());
      map.on('click', 'incidents', (e: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }) => {
        if (pickRef.current) return;
        const p = e.features?.[0]?.properties;
        if (p && typeof p.incidentId === 'string' && p.incidentId) openIncident(p.incidentId);
        else map.easeTo({ center: e.lngLat, zoom: map.getZoom() + 2 });
      });
      map.on('mouseenter', 'incidents', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'incidents', () => (map.getCanvas().style.cursor = ''));
      void refresh();
    },
    [refresh],
  );

  useEffect(() => void refresh(), [tick, refresh]);

  useEffect(() => {
    const src = mapRef.current?.getSource<GeoJSONSource>('picked');
    void src?.setData(picked ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: picked }, properties: {} }] } : EMPTY);
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
