/**
 * @module Sectors (areas of responsibility) and control lines with their history.
 * Geometries are GeoJSON (RFC 7946, WGS 84 lon/lat).
 */
import { z } from 'zod';
import { Instant, LogIndex, Name, Text, Uuid } from './common.ts';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
export const Position = z.tuple([Lon, Lat]);

/** A closed ring: at least four positions, first equal to last. */
const Ring = z
  .array(Position)
  .min(4)
  .max(20_000)
  .refine(
    (r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1],
    'a ring must end where it starts',
  );

export const PolygonGeometry = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(Ring).min(1).max(100),
});
export const MultiPolygonGeometry = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(Ring).min(1)).min(1).max(100),
});
export const AreaGeometry = z.union([PolygonGeometry, MultiPolygonGeometry]);
export const LineGeometry = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z.array(Position).min(2).max(20_000),
});
export const PointGeometry = z.strictObject({ type: z.literal('Point'), coordinates: Position });

export const Sector = z.object({
  id: Uuid,
  name: z.string(),
  geometry: AreaGeometry,
  /** SHA-256 of the geometry's canonical JSON: what the transparency log carries. */
  geometrySha256: z.string(),
  areaKm2: z.number(),
  version: z.number().int(),
});
export type Sector = z.infer<typeof Sector>;

export const CreateSector = z.strictObject({ name: Name, geometry: PolygonGeometry });
export type CreateSector = z.infer<typeof CreateSector>;
export const SectorWritten = Sector.extend({ logIndex: LogIndex });

export const ControlLine = z.object({
  id: Uuid,
  lineId: Uuid,
  name: z.string(),
  /** 1 for a line's first geometry, 2 after its first move, ... */
  lineVersion: z.number().int(),
  geometry: LineGeometry,
  /** The area the withdrawing party still holds behind the line. */
  heldArea: AreaGeometry.nullable(),
  heldAreaSha256: z.string().nullable(),
  heldAreaKm2: z.number().nullable(),
  heldByOrganisationId: Uuid.nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.string(),
  authorUserId: Uuid.nullable(),
  /** Version of this record (2 once a later version has closed its validity). */
  version: z.number().int(),
});
export type ControlLine = z.infer<typeof ControlLine>;

export const ControlLinesQuery = z.strictObject({
  /** Only the versions valid at this instant (ISO 8601); all versions when absent. */
  at: Instant.optional(),
});

export const CreateControlLineVersion = z.strictObject({
  /** Omit to start a new line. */
  lineId: Uuid.optional(),
  name: Name,
  geometry: LineGeometry,
  heldArea: AreaGeometry.nullable().default(null),
  heldByOrganisationId: Uuid.nullable().default(null),
  validFrom: Instant,
  source: Text(500).trim().min(1),
});
export type CreateControlLineVersion = z.infer<typeof CreateControlLineVersion>;
export const ControlLineWritten = ControlLine.extend({ logIndex: LogIndex });
