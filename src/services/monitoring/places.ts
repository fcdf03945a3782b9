/**
 * @module The gazetteer (issue 13): searching places by name (every account: the report form
 * picks a place this way) and keeping them (coordinators and admins). Each place lies in a
 * sector, found from its point; every change is logged (`place`, public geography).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CreatePlace, UpdatePlace } from '../../contract/monitoring/places.ts';
import type { DB } from '../../db/schema.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { placeMatch } from '../../domain/monitoring/places.ts';
import { findSectorContaining } from '../../repositories/sectors.ts';
import {
  findPlace,
  insertPlaceRow,
  listPlaces,
  lockPlace,
  placesByIds,
  savePlaceRow,
  placeInUse,
  deletePlaceRow,
  type PlaceRow,
} from '../../repositories/monitoring/places.ts';
import { placeKind } from '../../log/kinds/monitoring.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { writeVersioned, writeWithLog, type RecordFn, type Written } from '../write.ts';

/** Places whose names or spellings match `q`, best matches first (then by English name). */
export async function searchPlaces(deps: Deps, actor: Actor | null, q: string | undefined, limit: number) {
  authorize(actor, 'place.read');
  const all = await listPlaces(deps.db);
  const names = (p: PlaceRow) => p.names as Record<string, string>;
  return all
    .map((p) => ({ p, score: placeMatch({ names: names(p), alternates: p.alternates as string[] }, q ?? '') }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || (names(a.p).en ?? '').localeCompare(names(b.p).en ?? ''))
    .slice(0, limit)
    .map((m) => m.p);
}

export async function getPlace(deps: Deps, actor: Actor | null, id: string): Promise<PlaceRow> {
  authorize(actor, 'place.read');
  const p = await findPlace(deps.db, id);
  if (!p) throw notFound('place');
  return p;
}

/** The places reports name, for presenters (no authorisation: the caller already read the reports). */
export function placesNamed(deps: Deps, ids: readonly (string | null)[]): Promise<Map<string, PlaceRow>> {
  return placesByIds(deps.db, ids);
}

async function placeRow(db: Kysely<DB>, input: CreatePlace, id: string, now: Date, createdAt: Date) {
  const [lon, lat] = input.location.coordinates;
  const sector = await findSectorContaining(db, lon, lat);
  if (!sector) throw invalid([{ path: 'location', message: 'is outside the mission area (no sector contains it)' }]);
  return {
    id,
    names: input.names,
    alternates: input.alternates,
    lon,
    lat,
    sector_id: sector.id,
    radius_km: input.radiusKm,
    illustrative: input.illustrative,
    created_at: createdAt,
    updated_at: now,
  };
}

/** Inside the caller's transaction (the demo's too): stores a new place and logs it. */
export async function insertPlace(
  tx: Kysely<DB>,
  record: RecordFn,
  input: CreatePlace,
  actor: Actor | null,
  now: Date,
): Promise<PlaceRow> {
  const row: PlaceRow = { ...(await placeRow(tx, input, randomUUID(), now, now)), version: 1 };
  await insertPlaceRow(tx, row);
  await record({ kind: 'place', id: row.id, version: 1, op: 'create', at: now, actor, ...placeKind.fields(row) });
  return row;
}

export async function createPlace(deps: Deps, actor: Actor | null, input: CreatePlace): Promise<Written<PlaceRow>> {
  authorize(actor, 'place.write');
  const now = deps.clock.now();
  return writeWithLog(deps, (tx, record) => insertPlace(tx, record, input, actor, now));
}

export async function updatePlace(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: UpdatePlace,
): Promise<Written<PlaceRow>> {
  authorize(actor, 'place.write');
  const now = deps.clock.now();
  const { version, ...fields } = input;
  // Placed before the transaction: on PGlite a read through deps.db inside it would wait for it.
  const placed = await placeRow(deps.db, fields, id, now, now);
  return writeVersioned(deps, {
    kind: placeKind,
    what: 'place',
    id,
    seen: version,
    lock: lockPlace,
    next: (current) => ({ ...placed, created_at: current.created_at, version: current.version }),
    save: savePlaceRow,
    op: 'update',
    at: now,
    actor,
  });
}

/** Deletes a place no report names (a report's place is part of its record). */
export async function deletePlace(deps: Deps, actor: Actor | null, id: string, seen: number | undefined) {
  authorize(actor, 'place.write');
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record) => {
    const current = await lockPlace(tx, id);
    if (!current) throw notFound('place');
    if (seen !== undefined && seen !== current.version)
      throw conflict(`the place is at version ${current.version}, not ${seen}`);
    if (await placeInUse(tx, id)) throw conflict('reports name this place: it cannot be deleted');
    await deletePlaceRow(tx, id);
    const version = current.version + 1;
    await record({
      kind: 'place',
      id,
      version,
      op: 'delete',
      at: now,
      actor,
      ...placeKind.fields({ ...current, version }),
    });
  });
}
