/**
 * @module Reading and writing the log's tiles and entry bundles in the database.
 * Full tiles never change; a partial tile row is overwritten by a wider one whose prefix is
 * the same, so a reader asking for width W takes the first W hashes (or entries).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  HASH_SIZE,
  hashesAtLevel,
  TILE_WIDTH,
  treeStateFromPartialTiles,
  type TileTreeState,
  type TileWrite,
} from '../tlog/node.ts';

/**
 * Full tiles and bundles never change, so every process may keep them: a small cache in front
 * of the database for proof serving. Partial ones are always read fresh.
 */
const FULL_CACHE_LIMIT = 4096;
const DECODED_CACHE_LIMIT = 256;

interface Caches {
  full: Map<string, Uint8Array>;
  /** Decoded full bundles, so serving one entry does not decode 256 each time. */
  decoded: Map<number, Uint8Array[]>;
}

/**
 * One cache per database handle: a process may hold several logs (tests, benchmarks, a witness
 * beside a log), and a tile of one must never answer for another.
 */
const caches = new WeakMap<Kysely<DB>, Caches>();
function cacheOf(db: Kysely<DB>): Caches {
  let c = caches.get(db);
  if (!c) {
    c = { full: new Map(), decoded: new Map() };
    caches.set(db, c);
  }
  return c;
}

function remember(db: Kysely<DB>, key: string, data: Uint8Array): void {
  const { full } = cacheOf(db);
  if (full.size >= FULL_CACHE_LIMIT) full.delete(full.keys().next().value!);
  full.set(key, data);
}

async function readTileRow(
  db: Kysely<DB>,
  level: number,
  index: number,
): Promise<{ width: number; data: Uint8Array } | undefined> {
  const key = `${level}/${index}`;
  const hit = cacheOf(db).full.get(key);
  if (hit) return { width: TILE_WIDTH, data: hit };
  const row = await db
    .selectFrom('log_tiles')
    .select(['width', 'data'])
    .where('level', '=', level)
    .where('idx', '=', index)
    .executeTakeFirst();
  if (row?.width === TILE_WIDTH) remember(db, key, row.data);
  return row;
}

/** Hash tile (level, index) cut to `width` hashes, or undefined when not (yet) that wide. */
export async function readHashTile(
  db: Kysely<DB>,
  level: number,
  index: number,
  width: number,
): Promise<Uint8Array | undefined> {
  // A tile cut to a width never changes either (a wider row keeps the same prefix), so the
  // partial widths that proofs against recent checkpoints ask for are cached too.
  const partialKey = `tile/${level}/${index}.p/${width}`;
  const partial = width < TILE_WIDTH ? cacheOf(db).full.get(partialKey) : undefined;
  if (partial) return partial;
  const row = await readTileRow(db, level, index);
  if (!row || row.width < width) return undefined;
  const data = row.data.subarray(0, width * HASH_SIZE);
  if (width < TILE_WIDTH) remember(db, partialKey, data);
  return data;
}

/** Entry bundle `index` cut to `width` entries, or undefined when not (yet) that wide. */
export async function readEntryBundle(db: Kysely<DB>, index: number, width: number): Promise<Uint8Array | undefined> {
  const key = `entries/${index}`;
  const hit = cacheOf(db).full.get(key);
  const row = hit
    ? { width: TILE_WIDTH, data: hit }
    : await db.selectFrom('log_entry_bundles').select(['width', 'data']).where('idx', '=', index).executeTakeFirst();
  if (!hit && row?.width === TILE_WIDTH) remember(db, key, row.data);
  if (!row) return readPartialBundle(db, index, width);
  if (row.width < width) return undefined;
  if (row.width === width) return row.data;
  return encodeEntryBundle(decodeEntryBundle(row.data).slice(0, width));
}

/** A not-yet-full bundle, assembled from its entries. */
async function readPartialBundle(db: Kysely<DB>, index: number, width: number): Promise<Uint8Array | undefined> {
  const first = index * TILE_WIDTH;
  const rows = await db
    .selectFrom('log_entries')
    .select(['idx', 'data'])
    .where('idx', '>=', first)
    .where('idx', '<', first + width)
    .orderBy('idx')
    .execute();
  if (rows.length < width) return undefined;
  return encodeEntryBundle(rows.map((r) => r.data));
}

/** The tree state at `size`, rebuilt from the stored rightmost partial tiles. */
export async function loadTreeState(
  db: Kysely<DB>,
  size: number,
): Promise<{ tree: TileTreeState; bundle: Uint8Array[] }> {
  const partial: Uint8Array[][] = [];
  for (let level = 0; TILE_WIDTH ** level <= size; level++) {
    const width = hashesAtLevel(level, size) % TILE_WIDTH;
    if (width === 0) {
      partial.push([]);
      continue;
    }
    const tile = await readHashTile(db, level, Math.floor(hashesAtLevel(level, size) / TILE_WIDTH), width);
    if (!tile)
      throw new Error(`log storage is missing tile ${level}/${Math.floor(hashesAtLevel(level, size) / TILE_WIDTH)}`);
    partial.push(Array.from({ length: width }, (_, i) => tile.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)));
  }
  const bundleWidth = size % TILE_WIDTH;
  let bundle: Uint8Array[] = [];
  if (bundleWidth > 0) {
    const data = await readEntryBundle(db, Math.floor(size / TILE_WIDTH), bundleWidth);
    if (!data) throw new Error(`log storage is missing entry bundle ${Math.floor(size / TILE_WIDTH)}`);
    bundle = decodeEntryBundle(data);
  }
  return { tree: treeStateFromPartialTiles(size, partial), bundle };
}

/**
 * Stores a batch: changed hash tiles, newly full entry bundles, and the batch's entries that
 * still sit in the (partial) rightmost bundle; entries of a bundle that became full are dropped.
 */
export async function writeBatch(
  db: Kysely<DB>,
  oldSize: number,
  leaves: readonly Uint8Array[],
  tiles: readonly TileWrite[],
  bundles: readonly TileWrite[],
): Promise<void> {
  const newSize = oldSize + leaves.length;
  const partialStart = Math.floor(newSize / TILE_WIDTH) * TILE_WIDTH;
  await writeTiles(
    db,
    tiles,
    bundles.filter((b) => b.width === TILE_WIDTH),
  );
  const loose = leaves.map((data, i) => ({ idx: oldSize + i, data })).filter((e) => e.idx >= partialStart);
  if (loose.length > 0) await db.insertInto('log_entries').values(loose).execute();
  if (Math.floor(oldSize / TILE_WIDTH) * TILE_WIDTH < partialStart) {
    await db.deleteFrom('log_entries').where('idx', '<', partialStart).execute();
  }
}

async function writeTiles(db: Kysely<DB>, tiles: readonly TileWrite[], bundles: readonly TileWrite[]): Promise<void> {
  if (tiles.length > 0) {
    await db
      .insertInto('log_tiles')
      .values(tiles.map((t) => ({ level: t.level, idx: t.index, width: t.width, data: t.data })))
      .onConflict((oc) =>
        oc
          .columns(['level', 'idx'])
          .doUpdateSet((eb) => ({ width: eb.ref('excluded.width'), data: eb.ref('excluded.data') })),
      )
      .execute();
  }
  if (bundles.length > 0) {
    await db
      .insertInto('log_entry_bundles')
      .values(bundles.map((b) => ({ idx: b.index, width: b.width, data: b.data })))
      .onConflict((oc) =>
        oc.column('idx').doUpdateSet((eb) => ({ width: eb.ref('excluded.width'), data: eb.ref('excluded.data') })),
      )
      .execute();
  }
}

/** The entry at `index`, or undefined when the log does not hold it (yet). */
export async function readEntry(db: Kysely<DB>, index: number): Promise<Uint8Array | undefined> {
  const bundleIndex = Math.floor(index / TILE_WIDTH);
  const { full: fullCache, decoded: decodedCache } = cacheOf(db);
  const decoded = decodedCache.get(bundleIndex);
  if (decoded) return decoded[index % TILE_WIDTH];
  const full =
    fullCache.get(`entries/${bundleIndex}`) ??
    (
      await db
        .selectFrom('log_entry_bundles')
        .select('data')
        .where('idx', '=', bundleIndex)
        .where('width', '=', TILE_WIDTH)
        .executeTakeFirst()
    )?.data;
  if (full) {
    const entries = decodeEntryBundle(full);
    if (decodedCache.size >= DECODED_CACHE_LIMIT) decodedCache.delete(decodedCache.keys().next().value!);
    decodedCache.set(bundleIndex, entries);
    return entries[index % TILE_WIDTH];
  }
  // The rightmost bundle is kept one entry per row until it fills.
  return (await db.selectFrom('log_entries').select('data').where('idx', '=', index).executeTakeFirst())?.data;
}
