/** Sectors and control lines: everyone reads the map; coordinators and admins draw it. */
import type { GeoAction } from '../../../src/domain/policy/geo.ts';
import type { Row } from './row.ts';

export const EXPECTED_GEO: Record<GeoAction, Row> = {
  'sector.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'sector.write': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
  'controlLine.read': { admin: 'A', coordinator: 'A', monitor: 'A', liaison: 'A', observer: 'A' },
  'controlLine.write': { admin: 'A', coordinator: 'A', monitor: '-', liaison: '-', observer: '-' },
};
