/**
 * @module What the base map draws: sectors and a control line. Apart from BaseMap.tsx so that
 * the layer builders (layers.ts) and the component can share them without importing each other.
 */
import type { LineString, MultiPolygon, Polygon } from 'geojson';

export interface MapSector {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface MapControlLine {
  geometry: LineString;
  /** The area still held by the withdrawing party behind the line; shaded when given. */
  heldArea?: Polygon | MultiPolygon | null;
}
