/**
 * @module The demo's gazetteer: Gaza's five governorates and a few well-known places, all
 * ILLUSTRATIVE (points approximate, extents rough; a mission would survey its own), named in
 * English and Arabic with common alternate spellings. Loaded before the reports that name them.
 */
import type { CreatePlace } from '../../contract/monitoring/places.ts';
import { insertPlace } from '../../services/monitoring/places.ts';
import type { DemoContext } from './context.ts';

type DemoPlace = Omit<CreatePlace, 'illustrative' | 'alternates' | 'location'> & {
  alternates: string[];
  at: [number, number];
};

export const DEMO_PLACES: DemoPlace[] = [
  {
    names: { en: 'North Gaza', ar: 'شمال غزة', fr: 'Gaza-Nord' },
    alternates: ['Shamal Ghazza'],
    at: [34.505, 31.535],
    radiusKm: 6,
  },
  {
    names: { en: 'Gaza City', ar: 'مدينة غزة', fr: 'Gaza (ville)', he: 'העיר עזה' },
    alternates: ['Gaza', 'Ghazza'],
    at: [34.45, 31.5],
    radiusKm: 7,
  },
  {
    names: { en: 'Deir al-Balah', ar: 'دير البلح', he: 'דיר אל-בלח' },
    alternates: ['Deir el-Balah', 'Dayr al-Balah'],
    at: [34.36, 31.41],
    radiusKm: 7,
  },
  {
    names: { en: 'Khan Yunis', ar: 'خان يونس', he: "ח'אן יונס" },
    alternates: ['Khan Younis', 'Khan Younes'],
    at: [34.31, 31.34],
    radiusKm: 8,
  },
  { names: { en: 'Rafah', ar: 'رفح', he: 'רפיח' }, alternates: ['Rafiah'], at: [34.26, 31.29], radiusKm: 6 },
  {
    names: { en: 'Rafah crossing', ar: 'معبر رفح', fr: 'Point de passage de Rafah', he: 'מעבר רפיח' },
    alternates: ['Rafah border crossing'],
    at: [34.2575, 31.249],
    radiusKm: 0.4,
  },
  {
    names: { en: 'Kerem Shalom crossing', ar: 'معبر كرم أبو سالم', he: 'מעבר כרם שלום' },
    alternates: ['Kerem Shalom', 'Karem Abu Salem', 'Kerem Abu Salem'],
    at: [34.2785, 31.229],
    radiusKm: 0.4,
  },
  {
    names: { en: 'Netzarim corridor', ar: 'محور نتساريم', he: 'ציר נצרים' },
    alternates: ['Netzarim', 'Wadi Gaza corridor'],
    at: [34.4, 31.455],
    radiusKm: 3,
  },
  {
    names: { en: 'Khan Yunis centre', ar: 'وسط خان يونس' },
    alternates: ['Khan Younis centre', 'Khan Yunis center'],
    at: [34.3035, 31.3461],
    radiusKm: 1.5,
  },
  {
    names: { en: 'Jabalia', ar: 'جباليا', he: "ג'באליה" },
    alternates: ['Jabaliya', 'Jabalya'],
    at: [34.4833, 31.5281],
    radiusKm: 2,
  },
];

/** Inserts the demo's places (logged like any), answering their ids by English name. */
export async function seedPlaces(ctx: DemoContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of DEMO_PLACES) {
    const row = await insertPlace(
      ctx.tx,
      ctx.record,
      {
        names: p.names,
        alternates: p.alternates,
        location: { type: 'Point', coordinates: p.at },
        radiusKm: p.radiusKm,
        illustrative: true,
      },
      null,
      ctx.now,
    );
    ids.set(p.names.en, row.id);
  }
  return ids;
}
