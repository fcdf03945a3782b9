/** @module Kysely table types of sectors and control lines (migration 003-geo). */
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './columns.ts';

export interface SectorTable {
  id: string;
  name: string;
  geometry: Json;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  area_km2: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ControlLineVersionTable {
  id: string;
  line_id: string;
  name: string;
  version: number;
  geometry: Json;
  held_area: Json | null;
  held_area_km2: number | null;
  held_by_org_id: string | null;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  source: string;
  author_user_id: string | null;
  /** Version of this row as a record (the closing of valid_to is a second version). */
  row_version: Generated<number>;
  created_at: Timestamp;
}

export interface GeoTables {
  sectors: SectorTable;
  control_line_versions: ControlLineVersionTable;
}
