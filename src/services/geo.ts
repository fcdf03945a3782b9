/** @module Sectors and control lines: read, draw, and move a line (a new version, the old one closed). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CreateControlLineVersion, CreateSector } from '../contract/geo.ts';
import type { DB } from '../db/schema.ts';
import { areaKm2, bboxOf, sideOfLine, type Area, type LonLat } from '../domain/geo.ts';
import { authorize, type Actor } from '../domain/policy.ts';
import {
  closeControlLineVersion,
  controlLineAt,
  controlLinesAt,
  insertControlLineRow,
  latestVersionOf,
  listControlLineVersions,
  type ControlLineRow,
} from '../repositories/control-lines.ts';
import { organisationExists } from '../repositories/organisations.ts';
import {
  findSector,
  findSectorContaining,
  insertSectorRow,
  listSectors,
  sectorNameTaken,
  type SectorRow,
} from '../repositories/sectors.ts';
import type { Deps } from './deps.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { writeWithLog, type RecordFn, type Written } from './write.ts';
import { controlLineKind, sectorKind } from '../log/kinds/geo.ts';

export async function sectors(deps: Deps, actor: Actor | null): Promise<SectorRow[]> {
  authorize(actor, 'sector.read');
  return listSectors(deps.db);
}

export async function sector(deps: Deps, actor: Actor | null, id: string): Promise<SectorRow> {
  authorize(actor, 'sector.read');
  const row = await findSector(deps.db, id);
  if (!row) throw notFound('sector');
  return row;
}

/** Inserts a sector inside an open transaction (the service below and the demo loader share it). */
export async function insertSector(
  tx: Kysely<DB>,
  record: RecordFn,
  actor: Actor | null,
  name: string,
  geometry: Area,
  now: Date,
): Promise<SectorRow> {
  const box = bboxOf(geometry);
  const row: SectorRow = {
    id: randomUUID(),
    name,
    geometry,
    min_lon: box.minLon,
    min_lat: box.minLat,
    max_lon: box.maxLon,
    max_lat: box.maxLat,
    area_km2: areaKm2(geometry),
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertSectorRow(tx, row);
  await record({
    kind: 'sector',
    id: row.id,
    version: 1,
    op: 'create',
    at: now,
    actor,
    public: sectorKind.public(row),
  });
  return row;
}

export async function createSector(deps: Deps, actor: Actor | null, input: CreateSector): Promise<Written<SectorRow>> {
  authorize(actor, 'sector.write');
  if (areaKm2(input.geometry) <= 0) throw invalid([{ path: 'geometry', message: 'the polygon has no area' }]);
  if (await sectorNameTaken(deps.db, input.name)) throw conflict(`a sector named "${input.name}" exists`);
  return writeWithLog(deps, (tx, record) =>
    insertSector(tx, record, actor, input.name, input.geometry, deps.clock.now()),
  );
}

export async function controlLines(deps: Deps, actor: Actor | null, at: Date | undefined): Promise<ControlLineRow[]> {
  authorize(actor, 'controlLine.read');
  return at === undefined ? listControlLineVersions(deps.db) : controlLinesAt(deps.db, at);
}

export interface NewLineVersion {
  lineId?: string | undefined;
  name: string;
  geometry: ControlLineRow['geometry'];
  heldArea: Area | null;
  heldByOrganisationId: string | null;
  validFrom: Date;
  source: string;
}

/**
 * Adds a version of a line inside an open transaction: the previous version ends where this one
 * starts (that closing is itself a logged change of the previous version).
 */
export async function insertControlLineVersion(
  tx: Kysely<DB>,
  record: RecordFn,
  actor: Actor | null,
  input: NewLineVersion,
  now: Date,
): Promise<ControlLineRow> {
  const previous = input.lineId ? await latestVersionOf(tx, input.lineId) : undefined;
  if (input.lineId && !previous) throw invalid([{ path: 'lineId', message: 'no such control line' }]);
  if (previous && input.validFrom.getTime() <= new Date(previous.valid_from).getTime()) {
    throw invalid([
      {
        path: 'validFrom',
        message: `must be after the current version's start (${new Date(previous.valid_from).toISOString()})`,
      },
    ]);
  }
  if (previous) {
    const closed = { ...previous, valid_to: input.validFrom, row_version: previous.row_version + 1 };
    await closeControlLineVersion(tx, previous.id, input.validFrom, closed.row_version);
    await record({
      kind: 'control_line',
      id: previous.id,
      version: closed.row_version,
      op: 'update',
      at: now,
      actor,
      public: controlLineKind.public(closed),
      restricted: controlLineKind.restricted(closed),
    });
  }
  const row: ControlLineRow = {
    id: randomUUID(),
    line_id: previous?.line_id ?? randomUUID(),
    name: input.name,
    version: (previous?.version ?? 0) + 1,
    geometry: input.geometry,
    held_area: input.heldArea,
    held_area_km2: input.heldArea === null ? null : areaKm2(input.heldArea),
    held_by_org_id: input.heldByOrganisationId,
    valid_from: input.validFrom,
    valid_to: null,
    source: input.source,
    author_user_id: actor?.userId ?? null,
    row_version: 1,
    created_at: now,
  };
  await insertControlLineRow(tx, row);
  await record({
    kind: 'control_line',
    id: row.id,
    version: 1,
    op: 'create',
    at: now,
    actor,
    public: controlLineKind.public(row),
    restricted: controlLineKind.restricted(row),
  });
  return row;
}

export async function createControlLineVersion(
  deps: Deps,
  actor: Actor | null,
  input: CreateControlLineVersion,
): Promise<Written<ControlLineRow>> {
  authorize(actor, 'controlLine.write');
  if (input.heldByOrganisationId) {
    if (!(await organisationExists(deps.db, input.heldByOrganisationId)))
      throw invalid([{ path: 'heldByOrganisationId', message: 'no such organisation' }]);
  }
  return writeWithLog(deps, (tx, record) =>
    insertControlLineVersion(tx, record, actor, { ...input, validFrom: new Date(input.validFrom) }, deps.clock.now()),
  );
}

/** Where a point falls: its sector (null outside the mission area) and its side of the line valid at `at`. */
export async function placePoint(
  db: Kysely<DB>,
  point: LonLat,
  at: Date,
): Promise<{ sectorId: string | null; side: 'held' | 'released' | null }> {
  const [s, line] = await Promise.all([findSectorContaining(db, point[0], point[1]), controlLineAt(db, at)]);
  return { sectorId: s?.id ?? null, side: sideOfLine((line?.held_area ?? null) as Area | null, point) };
}
