/**
 * C2SP tlog-tiles: resource paths, which tiles exist for a tree size, and the
 * byte encodings of hash tiles and entry bundles.
 *
 * A tile at level L holds up to 256 consecutive hashes of complete subtrees of
 * height 8L; the n-th tile at level L covers leaves
 * `[n * 256^(L+1), (n+1) * 256^(L+1))`.
 *
 * @module
 */
import { assertIndex, TlogError } from './errors.ts';
import { concatBytes, parseDecimal } from './encoding.ts';
import { HASH_SIZE } from './hash.ts';

/** Hashes (or entries) in a full tile. */
export const TILE_WIDTH = 256;
/** Merkle levels spanned by one tile level (256 = 2^8). */
export const TILE_HEIGHT = 8;
/** Largest entry an entry bundle can hold (uint16 length prefix). */
export const MAX_ENTRY_SIZE = 0xffff;
/** Highest tile level the spec allows. */
const MAX_LEVEL = 63;

/** Coordinates of one tile; `width` is 256 for a full tile and 1..255 for a partial one. */
export interface TileId {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** A parsed tile URL path: a hash tile or an entry bundle. */
export type TilePath =
  | { readonly kind: 'hash'; readonly level: number; readonly index: number; readonly width: number }
  | { readonly kind: 'entries'; readonly index: number; readonly width: number };

/** Tiles present at one level for a given tree size. */
export interface LevelTiles {
  readonly level: number;
  /** Number of full tiles, indices 0 .. fullTiles-1. */
  readonly fullTiles: number;
  /** Width of the partial tile at index `fullTiles`, or 0 if there is none. */
  readonly partialWidth: number;
}

function checkWidth(width: number): void {
  if (!Number.isSafeInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new TlogError('invalid-argument', `tile width must be 1..256, got ${String(width)}`);
  }
}

/** Encodes a tile index as 3-digit groups, all but the last prefixed "x": 1234067 -> "x001/x234/067". */
export function formatTileIndex(n: number): string {
  assertIndex(n, 'tile index');
  const groups: string[] = [];
  let rest = n;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

function suffix(width: number | undefined): string {
  if (width === undefined) return '';
  checkWidth(width);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** Path of a hash tile, e.g. `tile/0/x001/x234/067.p/5`; width 256 or omitted means full. */
export function tilePath(level: number, n: number, width?: number): string {
  if (!Number.isSafeInteger(level) || level < 0 || level > MAX_LEVEL) {
    throw new TlogError('invalid-argument', `tile level must be 0..63, got ${String(level)}`);
  }
  return `tile/${level}/${formatTileIndex(n)}${suffix(width)}`;
}

/** Path of an entry bundle, e.g. `tile/entries/x001/067.p/5`; width 256 or omitted means full. */
export function entriesPath(n: number, width?: number): string {
  return `tile/entries/${formatTileIndex(n)}${suffix(width)}`;
}

/**
 * Parses a tile or entry bundle path (relative to the log prefix, no leading
 * slash). Only the canonical spelling is accepted, so each resource has
 * exactly one URL (and one cache key).
 */
export function parseTilePath(path: string): TilePath {
  const bad = (): TlogError => new TlogError('malformed', `not a tile path: ${JSON.stringify(path)}`);
  const parts = path.split('/');
  if (parts.length < 3 || parts[0] !== 'tile') throw bad();
  const head = parts[1] as string;
  let segs = parts.slice(2);
  let width = TILE_WIDTH;
  const beforeLast = segs[segs.length - 2];
  if (beforeLast?.endsWith('.p') === true) {
    const w = segs[segs.length - 1] as string;
    if (!/^[1-9][0-9]{0,2}$/.test(w) || Number(w) >= TILE_WIDTH) throw bad();
    width = Number(w);
    segs = [...segs.slice(0, -2), beforeLast.slice(0, -2)];
  }
  const digits = segs.map((s, i) => {
    const m = i < segs.length - 1 ? /^x([0-9]{3})$/.exec(s) : /^([0-9]{3})$/.exec(s);
    if (m === null) throw bad();
    return m[1] as string;
  });
  if (digits.length > 1 && digits[0] === '000') throw bad();
  const index = Number(digits.join(''));
  if (!Number.isSafeInteger(index)) throw bad();
  if (head === 'entries') return { kind: 'entries', index, width };
  if (!/^(?:0|[1-9][0-9]?)$/.test(head) || Number(head) > MAX_LEVEL) throw bad();
  return { kind: 'hash', level: parseDecimal(head, 'tile level'), index, width };
}

/** Number of complete level-L tile hashes in a tree of `size` leaves: floor(size / 256^L). */
export function hashesAtLevel(level: number, size: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/**
 * The tiles that exist for a tree of `size` leaves, level by level. For
 * 70,000 leaves: L0 273 full + width 112, L1 1 full + width 17, L2 width 1.
 */
export function tileLayout(size: number): LevelTiles[] {
  assertIndex(size, 'tree size');
  const levels: LevelTiles[] = [];
  for (let level = 0; hashesAtLevel(level, size) > 0; level++) {
    const count = hashesAtLevel(level, size);
    levels.push({ level, fullTiles: Math.floor(count / TILE_WIDTH), partialWidth: count % TILE_WIDTH });
  }
  return levels;
}

/** Width of tile (level, index) in a tree of `size` leaves: 256 if full, 1..255 if partial, 0 if absent. */
export function tileWidth(level: number, index: number, size: number): number {
  assertIndex(index, 'tile index');
  const count = hashesAtLevel(level, size);
  return Math.max(0, Math.min(TILE_WIDTH, count - index * TILE_WIDTH));
}

/** The partial (rightmost, not yet full) tiles of a tree of `size` leaves. */
export function partialTiles(size: number): TileId[] {
  return tileLayout(size)
    .filter((l) => l.partialWidth > 0)
    .map((l) => ({ level: l.level, index: l.fullTiles, width: l.partialWidth }));
}

/** Encodes a hash tile: the concatenated 32-byte hashes. */
export function encodeHashTile(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0 || hashes.length > TILE_WIDTH) {
    throw new TlogError('invalid-argument', `a tile holds 1..256 hashes, got ${hashes.length}`);
  }
  for (const h of hashes) {
    if (h.length !== HASH_SIZE) throw new TlogError('invalid-argument', 'tile hashes must be 32 bytes');
  }
  return concatBytes(...hashes);
}

/**
 * Decodes a hash tile into its hashes. If `width` is given the tile must hold
 * at least that many hashes and only the first `width` are returned, so a
 * full tile can stand in for a partial one that was already replaced.
 */
export function decodeHashTile(bytes: Uint8Array, width?: number): Uint8Array[] {
  if (bytes.length === 0 || bytes.length % HASH_SIZE !== 0 || bytes.length > TILE_WIDTH * HASH_SIZE) {
    throw new TlogError('malformed', `hash tile length ${bytes.length} is not 32..8192 in steps of 32`);
  }
  const have = bytes.length / HASH_SIZE;
  if (width !== undefined) {
    checkWidth(width);
    if (have < width) throw new TlogError('malformed', `hash tile has ${have} hashes, need ${width}`);
  }
  const n = width ?? have;
  const out: Uint8Array[] = [];
  for (let i = 0; i < n; i++) out.push(bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return out;
}

/** Encodes an entry bundle: each entry as a big-endian uint16 length then its bytes. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length === 0 || entries.length > TILE_WIDTH) {
    throw new TlogError('invalid-argument', `an entry bundle holds 1..256 entries, got ${entries.length}`);
  }
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) {
      throw new TlogError('invalid-argument', `entry of ${e.length} bytes exceeds ${MAX_ENTRY_SIZE}`);
    }
    parts.push(new Uint8Array([e.length >> 8, e.length & 0xff]), e);
  }
  return concatBytes(...parts);
}

/** Decodes an entry bundle; with `width`, exactly that many entries must be present. */
export function decodeEntryBundle(bytes: Uint8Array, width?: number): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let off = 0;
  while (off < bytes.length) {
    if (off + 2 > bytes.length) throw new TlogError('malformed', 'entry bundle: truncated length prefix');
    const len = ((bytes[off] as number) << 8) | (bytes[off + 1] as number);
    off += 2;
    if (off + len > bytes.length) throw new TlogError('malformed', 'entry bundle: truncated entry');
    entries.push(bytes.slice(off, off + len));
    off += len;
    if (entries.length > TILE_WIDTH) throw new TlogError('malformed', 'entry bundle: more than 256 entries');
  }
  if (entries.length === 0) throw new TlogError('malformed', 'entry bundle is empty');
  if (width !== undefined && entries.length !== width) {
    throw new TlogError('malformed', `entry bundle has ${entries.length} entries, expected ${width}`);
  }
  return entries;
}
