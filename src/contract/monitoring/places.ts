/**
 * @module The mission's gazetteer (issue 13): named places (English and Arabic names required,
 * French and Hebrew when the mission has them, alternate spellings), each a point in a sector
 * with its extent. Places are public geography; which place a report names is not always
 * (see contract/monitoring/facts.ts).
 */
import { z } from 'zod';
import { Text, Uuid } from '../common.ts';
import { GeoPoint } from '../monitoring.ts';

export const PLACE_LANGUAGES = ['en', 'ar', 'fr', 'he'] as const;
const PlaceName = Text(200).trim().min(1);

export const PlaceNames = z.strictObject({
  en: PlaceName,
  ar: PlaceName,
  fr: PlaceName.optional(),
  he: PlaceName.optional(),
});

export const CreatePlace = z.strictObject({
  names: PlaceNames,
  alternates: z.array(PlaceName).max(20).default([]),
  location: GeoPoint,
  /** How far the place extends around its point (a crossing 0.3, a town 2, a governorate 10). */
  radiusKm: z.number().positive().max(100),
  /** Shipped as an example (the demo's places), not a surveyed gazetteer entry. */
  illustrative: z.boolean().default(false),
});
export type CreatePlace = z.infer<typeof CreatePlace>;

export const UpdatePlace = CreatePlace.extend({
  /** Optimistic concurrency: the version the caller saw. */
  version: z.number().int().positive(),
});
export type UpdatePlace = z.infer<typeof UpdatePlace>;

export const PlaceQuery = z.strictObject({
  /** Part of a name or an alternate spelling, in any of its languages (case and Arabic diacritics ignored). */
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const Place = z.object({
  id: Uuid,
  names: z.record(z.string(), z.string()),
  alternates: z.array(z.string()),
  location: GeoPoint,
  sectorId: Uuid,
  radiusKm: z.number(),
  illustrative: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Place = z.infer<typeof Place>;
export const PlaceWritten = Place.extend({ logIndex: z.number().int().nonnegative().nullable() });
