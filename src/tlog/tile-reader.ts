/**
 * Computes the complete-subtree hashes a proof needs from tiles fetched by a
 * caller-supplied function, so the server (tiles in its database) and an
 * offline verifier (tiles over HTTP) share one implementation.
 *
 * A node at Merkle level h = 8T + r is the hash of 2^r consecutive hashes of
 * the level-T tile layer; those always lie in a single tile because 2^r <= 128
 * and the run is aligned.
 *
 * Tiles are not authenticated here: a proof built from tampered tiles simply
 * fails verification against the signed checkpoint root, which the caller
 * must check (as with any proof from an untrusted server).
 *
 * @module
 */
import { TlogError } from './errors.ts';
import { rootFromLeafHashes } from './hash.ts';
import {
  consistencyProof,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofNodes,
  rootFromNodes,
  treeNodes,
  type NodeId,
} from './proofs.ts';
import { decodeHashTile, TILE_HEIGHT, TILE_WIDTH, tileWidth } from './tiles.ts';

/**
 * Returns the bytes of hash tile (level, index) with the given width (256 =
 * full). Returning the full tile when a partial one is asked for is allowed.
 */
export type TileFetcher = (level: number, index: number, width: number) => Uint8Array | Promise<Uint8Array>;

interface NodeLocation {
  readonly tileLevel: number;
  readonly tileIndex: number;
  readonly offset: number;
  readonly count: number;
}

function locate(node: NodeId, size: number): NodeLocation {
  const { level, index } = node;
  if (!Number.isSafeInteger(level) || level < 0 || !Number.isSafeInteger(index) || index < 0) {
    throw new TlogError('invalid-argument', `bad node (${String(level)}, ${String(index)})`);
  }
  if ((index + 1) * 2 ** level > size) {
    throw new TlogError('invalid-argument', `node (${level}, ${index}) is not complete in a tree of ${size}`);
  }
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const count = 2 ** (level % TILE_HEIGHT);
  const first = index * count;
  return { tileLevel, tileIndex: Math.floor(first / TILE_WIDTH), offset: first % TILE_WIDTH, count };
}

/**
 * Reads the hashes of complete nodes of the tree of `size` leaves, fetching
 * each needed tile once (all fetches start in parallel).
 */
export async function readNodeHashes(
  size: number,
  nodes: readonly NodeId[],
  getTile: TileFetcher,
): Promise<Uint8Array[]> {
  const locations = nodes.map((n) => locate(n, size));
  const keys = [...new Set(locations.map((l) => `${l.tileLevel}/${l.tileIndex}`))];
  // Promise.all (not sequential awaits) so one failed fetch cannot leave
  // another rejected promise unobserved.
  const loaded = await Promise.all(
    keys.map(async (key) => {
      const [level, index] = key.split('/').map(Number) as [number, number];
      const width = tileWidth(level, index, size);
      return decodeHashTile(await getTile(level, index, width), width);
    }),
  );
  const tiles = new Map(keys.map((k, i) => [k, loaded[i] as Uint8Array[]]));
  const hashes: Uint8Array[] = [];
  for (const loc of locations) {
    const tile = tiles.get(`${loc.tileLevel}/${loc.tileIndex}`) as Uint8Array[];
    hashes.push(rootFromLeafHashes(tile.slice(loc.offset, loc.offset + loc.count)));
  }
  return hashes;
}

async function getterFor(
  size: number,
  nodes: readonly NodeId[],
  getTile: TileFetcher,
): Promise<(level: number, index: number) => Uint8Array> {
  const hashes = await readNodeHashes(size, nodes, getTile);
  const byKey = new Map<string, Uint8Array>();
  nodes.forEach((n, i) => byKey.set(`${n.level}/${n.index}`, hashes[i] as Uint8Array));
  return (level, index) => {
    const h = byKey.get(`${level}/${index}`);
    if (h === undefined) throw new TlogError('invalid-argument', `node (${level}, ${index}) was not prefetched`);
    return h;
  };
}

/** Inclusion proof for leaf `index` in the tree of `size` leaves, from tiles. */
export async function inclusionProofFromTiles(
  index: number,
  size: number,
  getTile: TileFetcher,
): Promise<Uint8Array[]> {
  const nodes = inclusionProofNodes(index, size);
  return inclusionProof(index, size, await getterFor(size, nodes, getTile));
}

/** Consistency proof from size `m` to size `n`, from the tiles of the tree of size `n`. */
export async function consistencyProofFromTiles(m: number, n: number, getTile: TileFetcher): Promise<Uint8Array[]> {
  const nodes = consistencyProofNodes(m, n);
  return consistencyProof(m, n, await getterFor(n, nodes, getTile));
}

/** Root hash of the tree of `size` leaves, from its tiles (empty tree: SHA-256("")). */
export async function rootFromTiles(size: number, getTile: TileFetcher): Promise<Uint8Array> {
  const nodes = treeNodes(size);
  return rootFromNodes(size, await getterFor(size, nodes, getTile));
}
