/**
 * @module The base map's style and data as plain values: a background, the sectors with their
 * outlines, and the control line over the shaded held area. No glyphs or sprites, so nothing is
 * fetched from anywhere.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';
import type { MapControlLine, MapSector } from './shapes.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      sectors: { type: 'geojson', data: EMPTY },
      'control-line': { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe9f0' } },
      { id: 'sectors-fill', type: 'fill', source: 'sectors', paint: { 'fill-color': '#f4f1ea', 'fill-opacity': 1 } },
      {
        id: 'held-area',
        type: 'fill',
        source: 'control-line',
        filter: ['==', ['get', 'part'], 'held'],
        paint: { 'fill-color': '#e0a030', 'fill-opacity': 0.18 },
      },
      { id: 'sectors-outline', type: 'line', source: 'sectors', paint: { 'line-color': '#6b7280', 'line-width': 1.2 } },
      {
        id: 'control-line',
        type: 'line',
        source: 'control-line',
        filter: ['==', ['get', 'part'], 'line'],
        paint: { 'line-color': '#d4a300', 'line-width': 3, 'line-dasharray': [2, 1] },
      },
    ],
  };
}

export function sectorData(sectors: readonly MapSector[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sectors.map((s) => ({
      type: 'Feature',
      id: s.id,
      properties: { id: s.id, name: s.name },
      geometry: s.geometry,
    })),
  };
}

export function controlLineData(line: MapControlLine | null): FeatureCollection {
  if (!line) return EMPTY;
  const features: FeatureCollection['features'] = [
    { type: 'Feature', properties: { part: 'line' }, geometry: line.geometry },
  ];
  if (line.heldArea) features.push({ type: 'Feature', properties: { part: 'held' }, geometry: line.heldArea });
  return { type: 'FeatureCollection', features };
}

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

/** The box around every sector, or null when there are none. */
export function boundsOf(sectors: readonly MapSector[]): LngLatBoundsLike | null {
  const all = sectors.flatMap((s) => positions(s.geometry));
  if (all.length === 0) return null;
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}
