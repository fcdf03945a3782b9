/**
 * @module The demo's sectors (Gaza's five governorates, geoBoundaries / Open Data Watch, CC BY 4.0)
 * and an ILLUSTRATIVE yellow line with two versions (no public machine-readable geometry exists;
 * the second version moves the centre ~300 m west, as marker blocks were reported moved).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import type { Area } from '../../domain/geo.ts';
import { insertControlLineVersion, insertSector } from '../../services/geo.ts';
import type { DemoContext } from './context.ts';

interface YellowLineFile {
  versions: { validFrom: string; source: string; line: LineString; held: Area }[];
}

const readJson = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', file), 'utf8')) as T;

export async function seedGeo(ctx: DemoContext): Promise<void> {
  const governorates = readJson<FeatureCollection<Area, { name: string }>>('gaza-governorates.geojson');
  for (const f of governorates.features)
    await insertSector(ctx.tx, ctx.record, null, f.properties.name, f.geometry, ctx.now);

  const yellow = readJson<YellowLineFile>('yellow-line.json');
  let lineId: string | undefined;
  for (const v of yellow.versions) {
    const row = await insertControlLineVersion(
      ctx.tx,
      ctx.record,
      null,
      {
        lineId,
        name: 'Yellow line (illustrative)',
        geometry: v.line,
        heldArea: v.held,
        heldByOrganisationId: ctx.orgIds.get('Israel') ?? null,
        validFrom: new Date(v.validFrom),
        source: v.source,
      },
      ctx.now,
    );
    lineId = row.line_id;
  }
}
