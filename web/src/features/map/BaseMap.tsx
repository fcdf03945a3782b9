/**
 * @module The mission's base map: MapLibre GL with no tile server at all. Its only layers are
 * GeoJSON the app already holds (sectors, the current control line and the area still held
 * behind it), so it works offline and leaks no viewing pattern to a third party. Pages add
 * their own sources and layers through `onMapReady`, or overlay `children` on the map box.
 *
 * Props are the stable API other capabilities build on:
 *   <BaseMap sectors={...} controlLine={...} onMapReady={(map) => ...} onClick={([lon, lat]) => ...} />
 */
import { useEffect, useRef, type ReactNode } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { baseStyle, boundsOf, controlLineData, sectorData } from './layers.ts';
import type { MapControlLine, MapSector } from './shapes.ts';
import './map.css';

// MapLibre looks for its worker next to its own module; in our bundle that file has another
// name, so tell it where Vite put it (served by us: no CDN).
maplibregl.setWorkerUrl(workerUrl);

export type { MapControlLine, MapSector } from './shapes.ts';

export interface BaseMapProps {
  sectors?: readonly MapSector[];
  controlLine?: MapControlLine | null;
  /** Called once the style has loaded: add sources and layers, listen to moves. */
  onMapReady?: (map: maplibregl.Map) => void;
  /** A click on the map, as [longitude, latitude] (WGS 84). */
  onClick?: (lonLat: [number, number]) => void;
  /** Accessible name of the map region. */
  label: string;
  /** Overlays drawn above the map (legends, buttons), positioned by the caller. */
  children?: ReactNode;
  className?: string;
  testId?: string;
}

export function BaseMap({
  sectors = [],
  controlLine = null,
  onMapReady,
  onClick,
  label,
  children,
  className,
  testId = 'base-map',
}: BaseMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const loaded = useRef(false);
  // Handlers kept in refs so a new closure from the parent does not rebuild the map.
  const readyRef = useRef(onMapReady);
  const clickRef = useRef(onClick);
  readyRef.current = onMapReady;
  clickRef.current = onClick;
  const layersRef = useRef({ sectors, controlLine });
  layersRef.current = { sectors, controlLine };

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: baseStyle(),
      center: [34.4, 31.42],
      zoom: 9.5,
      attributionControl: false,
      // The page must not depend on WebGL context preservation for screenshots or tests.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      loaded.current = true;
      applyLayers(map, layersRef.current.sectors, layersRef.current.controlLine, true);
      container.current?.setAttribute('data-map-ready', 'true');
      readyRef.current?.(map);
    });
    map.on('click', (e: maplibregl.MapMouseEvent) => clickRef.current?.([e.lngLat.lng, e.lngLat.lat]));
    return () => {
      loaded.current = false;
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (map && loaded.current) applyLayers(map, sectors, controlLine, false);
  }, [sectors, controlLine]);

  return (
    <div className={`base-map ${className ?? ''}`} data-testid={testId}>
      <div ref={container} className="base-map__canvas" role="region" aria-label={label} />
      {children}
    </div>
  );
}

function applyLayers(
  map: maplibregl.Map,
  sectors: readonly MapSector[],
  controlLine: MapControlLine | null,
  fit: boolean,
): void {
  void map.getSource<maplibregl.GeoJSONSource>('sectors')?.setData(sectorData(sectors));
  void map.getSource<maplibregl.GeoJSONSource>('control-line')?.setData(controlLineData(controlLine));
  const bounds = boundsOf(sectors);
  if (fit && bounds) map.fitBounds(bounds, { padding: 20, animate: false });
}
