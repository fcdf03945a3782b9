/**
 * In-memory Merkle tree fixture for tests: every complete node of every level,
 * so proofs can be generated through the node-getter API and compared with the
 * recursive RFC 6962 definitions.
 */
import { leafHash, nodeHash, type NodeHashGetter } from '../../../src/tlog/node.ts';

/** All complete-node levels of a tree plus a getter over them. */
export interface TreeFixture {
  readonly leaves: readonly Uint8Array[];
  readonly levels: readonly (readonly Uint8Array[])[];
  readonly getHash: NodeHashGetter;
}

/** Deterministic leaf hashes: leafHash("<seed>/<i>"). */
export function makeLeaves(size: number, seed = 0): Uint8Array[] {
  return Array.from({ length: size }, (_, i) => leafHash(new TextEncoder().encode(`${seed}/${i}`)));
}

/** Builds all complete-node levels of the tree over `leaves`. */
export function buildTree(leaves: readonly Uint8Array[]): TreeFixture {
  const levels: Uint8Array[][] = [[...leaves]];
  for (let row = levels[0] as Uint8Array[]; row.length > 1;) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < row.length; i += 2) next.push(nodeHash(row[i] as Uint8Array, row[i + 1] as Uint8Array));
    levels.push(next);
    row = next;
  }
  const getHash: NodeHashGetter = (level, index) => {
    const h = levels[level]?.[index];
    if (h === undefined) throw new Error(`fixture has no node (${level}, ${index})`);
    return h;
  };
  return { leaves, levels, getHash };
}
