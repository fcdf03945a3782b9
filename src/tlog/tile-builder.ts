/**
 * Pure incremental tile builder: what the sequencer calls once per batch.
 *
 * The tree is carried as a {@link TileTreeState}: the rightmost partial tile
 * at every level plus the "frontier" (the hashes of the perfect subtrees that
 * make up the tree, one per set bit of the size). Appending a leaf merges it
 * into the frontier exactly as a binary counter carries, so each leaf costs
 * one hash amortised, and every node completed at a level that is a multiple
 * of 8 is the next hash of the tile layer above. Nothing already sealed in a
 * full tile is ever re-read or re-hashed: a batch of b leaves costs
 * O(b + log n) hashes, plus O(log n) to fold the frontier into the root.
 *
 * @module
 */
import { assertIndex, TlogError } from './errors.ts';
import { foldRight, HASH_SIZE, nodeHash, rootFromLeafHashes } from './hash.ts';
import { bitLength } from './proofs.ts';
import { encodeEntryBundle, encodeHashTile, hashesAtLevel, MAX_ENTRY_SIZE, TILE_HEIGHT, TILE_WIDTH } from './tiles.ts';

/** Everything needed to append to a tree without reading sealed tiles. */
export interface TileTreeState {
  /** Number of leaves. */
  readonly size: number;
  /** `partial[L]`: hashes in the rightmost partial tile of level L (floor(size/256^L) mod 256 of them). */
  readonly partial: readonly (readonly Uint8Array[])[];
  /** Perfect-subtree hashes of the tree, largest (leftmost) first; derivable from `partial`. */
  readonly frontier: readonly Uint8Array[];
}

/** A hash tile or entry bundle to store: width 256 is a full (immutable) tile. */
export interface TileWrite {
  readonly level: number;
  readonly index: number;
  readonly width: number;
  readonly data: Uint8Array;
}

/** Result of appending a batch of leaves. */
export interface AppendResult {
  /** State to pass to the next call. */
  readonly state: TileTreeState;
  /** Tiles created or changed by the batch: every newly full tile and the final partial tile of each touched level. */
  readonly tiles: readonly TileWrite[];
  /** Root hash of the new tree. */
  readonly root: Uint8Array;
}

/** Result of appending entries to the entry bundles. */
export interface BundleAppendResult {
  /** Entries of the new rightmost partial bundle (size mod 256 of them). */
  readonly partial: readonly Uint8Array[];
  /** Bundles to store (level is always 0). */
  readonly bundles: readonly TileWrite[];
}

/** State of the empty tree. */
export function emptyTreeState(): TileTreeState {
  return { size: 0, partial: [], frontier: [] };
}

function countOnes(n: number): number {
  let ones = 0;
  for (let k = n; k > 0; k = Math.floor(k / 2)) ones += k % 2;
  return ones;
}

/**
 * Rebuilds a state from the partial tiles stored for `size` (for example
 * after a restart). `partial[L]` must hold exactly floor(size/256^L) mod 256
 * hashes. Costs at most 255 hashes per level to derive the frontier.
 */
export function treeStateFromPartialTiles(size: number, partial: readonly (readonly Uint8Array[])[]): TileTreeState {
  assertIndex(size, 'tree size');
  const levels = size === 0 ? 0 : Math.ceil(bitLength(size) / TILE_HEIGHT);
  const normalized: Uint8Array[][] = [];
  for (let level = 0; level < Math.max(levels, partial.length); level++) {
    const hashes = partial[level] ?? [];
    const want = hashesAtLevel(level, size) % TILE_WIDTH;
    if (hashes.length !== want) {
      throw new TlogError(
        'invalid-argument',
        `level ${level} partial tile has ${hashes.length} hashes, size ${size} needs ${want}`,
      );
    }
    if (hashes.some((h) => h.length !== HASH_SIZE)) throw new TlogError('invalid-argument', 'hashes must be 32 bytes');
    if (level < levels) normalized.push([...hashes]);
  }
  const frontier: Uint8Array[] = [];
  for (let level = normalized.length - 1; level >= 0; level--) {
    const hashes = normalized[level] as Uint8Array[];
    let offset = 0;
    // The partial tile's width, read in binary, is the frontier within this tile layer.
    for (let bit = TILE_HEIGHT - 1; bit >= 0; bit--) {
      const part = 2 ** bit;
      if ((hashes.length & part) === 0) continue;
      frontier.push(rootFromLeafHashes(hashes.slice(offset, offset + part)));
      offset += part;
    }
  }
  return { size, partial: normalized, frontier };
}

/** Root hash of the tree described by `state`. */
export function stateRoot(state: TileTreeState): Uint8Array {
  return foldRight(state.frontier);
}

/**
 * Appends leaf hashes to the tree and returns the tiles to write and the new
 * root. Pure: `state` is not modified.
 */
export function appendLeafHashes(state: TileTreeState, leafHashes: readonly Uint8Array[]): AppendResult {
  assertIndex(state.size, 'tree size');
  if (state.frontier.length !== countOnes(state.size)) {
    throw new TlogError(
      'invalid-argument',
      `frontier has ${state.frontier.length} hashes, size ${state.size} needs ${countOnes(state.size)}`,
    );
  }
  state.partial.forEach((row, level) => {
    if (row.length !== hashesAtLevel(level, state.size) % TILE_WIDTH) {
      throw new TlogError('invalid-argument', `level ${level} partial tile does not match size ${state.size}`);
    }
  });
  if (!Number.isSafeInteger(state.size + leafHashes.length)) {
    throw new TlogError('invalid-argument', 'tree size would exceed 2^53-1');
  }
  const partial = state.partial.map((p) => [...p]);
  const frontier = [...state.frontier];
  const touched = new Set<number>();
  const tiles: TileWrite[] = [];
  let size = state.size;

  const push = (level: number, hash: Uint8Array, newSize: number): void => {
    const row = partial[level] ?? [];
    partial[level] = row;
    row.push(hash);
    touched.add(level);
    if (row.length === TILE_WIDTH) {
      const index = Math.floor((hashesAtLevel(level, newSize) - 1) / TILE_WIDTH);
      tiles.push({ level, index, width: TILE_WIDTH, data: encodeHashTile(row) });
      partial[level] = [];
    }
  };

  for (const leaf of leafHashes) {
    if (leaf.length !== HASH_SIZE) throw new TlogError('invalid-argument', 'leaf hashes must be 32 bytes');
    const newSize = size + 1;
    push(0, leaf, newSize);
    let hash = leaf;
    let height = 0;
    // Each trailing one bit of the old size is a left sibling in the frontier.
    for (let s = size; s % 2 === 1; s = (s - 1) / 2) {
      hash = nodeHash(frontier.pop() as Uint8Array, hash);
      height++;
      if (height % TILE_HEIGHT === 0) push(height / TILE_HEIGHT, hash, newSize);
    }
    frontier.push(hash);
    size = newSize;
  }

  for (const level of [...touched].sort((a, b) => a - b)) {
    const row = partial[level] as Uint8Array[];
    if (row.length > 0) {
      const index = Math.floor(hashesAtLevel(level, size) / TILE_WIDTH);
      tiles.push({ level, index, width: row.length, data: encodeHashTile(row) });
    }
  }
  const next: TileTreeState = { size, partial, frontier };
  return { state: next, tiles, root: stateRoot(next) };
}

/**
 * Appends entries to the entry bundles of a log of `size` entries whose
 * rightmost partial bundle holds `partial` (size mod 256 entries). Returns
 * every newly full bundle and the final partial bundle, if any.
 */
export function appendEntries(
  size: number,
  partial: readonly Uint8Array[],
  entries: readonly Uint8Array[],
): BundleAppendResult {
  assertIndex(size, 'log size');
  if (partial.length !== size % TILE_WIDTH) {
    throw new TlogError(
      'invalid-argument',
      `partial bundle has ${partial.length} entries, size ${size} needs ${size % TILE_WIDTH}`,
    );
  }
  const bundles: TileWrite[] = [];
  let row = [...partial];
  let index = Math.floor(size / TILE_WIDTH);
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_SIZE) {
      throw new TlogError('invalid-argument', `entry of ${entry.length} bytes exceeds ${MAX_ENTRY_SIZE}`);
    }
    row.push(entry);
    if (row.length === TILE_WIDTH) {
      bundles.push({ level: 0, index, width: TILE_WIDTH, data: encodeEntryBundle(row) });
      row = [];
      index++;
    }
  }
  if (row.length > 0 && entries.length > 0) {
    bundles.push({ level: 0, index, width: row.length, data: encodeEntryBundle(row) });
  }
  return { partial: row, bundles };
}
