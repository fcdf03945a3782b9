/**
 * @module Verifies a whole log from its published parts alone: the checkpoint's signature, the
 * tree recomputed from every entry (root and every published hash tile), consistency with a
 * checkpoint remembered from an earlier run, leaf formats that only move forward (v1, then
 * v2 from some index on), and returns the leaves for further checks.
 * Every failure names what failed.
 */
import {
  appendLeafHashes,
  bytesEqual,
  decodeBase64,
  decodeEntryBundle,
  emptyTreeState,
  encodeBase64,
  entriesPath,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  rootFromLeafHashes,
  TILE_WIDTH,
  tilePath,
  type Checkpoint,
} from '../tlog/node.ts';
import type { LogSource } from './source.ts';
import { checkFormatOrder, decodeLeaf, type Leaf } from './leaf.ts';

export class VerifyError extends Error {}

export interface SavedState {
  origin: string;
  size: number;
  root: string;
}

export interface VerifiedLog {
  checkpoint: Checkpoint;
  checkpointText: string;
  entries: Uint8Array[];
  /** Index of the first leaf in format v2 (actors as commitments), or null if none yet. */
  v2From: number | null;
}

export async function verifyLog(source: LogSource, vkey: string, previous?: SavedState): Promise<VerifiedLog> {
  const raw = await source.get('checkpoint');
  if (!raw) throw new VerifyError(`no checkpoint at ${source.describe}`);
  const checkpointText = new TextDecoder().decode(raw);
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(checkpointText, [parseVerifierKey(vkey)]).checkpoint;
  } catch (err) {
    throw new VerifyError(`checkpoint signature does not verify with the given key: ${(err as Error).message}`);
  }
  const { size } = checkpoint;

  const entries: Uint8Array[] = [];
  for (let n = 0; n * TILE_WIDTH < size; n++) {
    const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
    const rel = entriesPath(n, width);
    const bundle = await source.get(rel);
    if (!bundle) throw new VerifyError(`entry bundle ${rel} is missing`);
    let decoded: Uint8Array[];
    try {
      decoded = decodeEntryBundle(bundle);
    } catch (err) {
      throw new VerifyError(`entry bundle ${rel} is malformed: ${(err as Error).message}`);
    }
    if (decoded.length !== width)
      throw new VerifyError(`entry bundle ${rel} holds ${decoded.length} entries, expected ${width}`);
    entries.push(...decoded);
  }

  const hashes = entries.map(leafHash);
  const root = rootFromLeafHashes(hashes);
  if (!bytesEqual(root, checkpoint.root)) {
    throw new VerifyError(
      `the ${size} entries hash to root ${encodeBase64(root)}, but the checkpoint says ${encodeBase64(checkpoint.root)}: an entry was changed or removed`,
    );
  }
  // Every hash tile the log publishes must be the one the entries imply.
  const { tiles } = appendLeafHashes(emptyTreeState(), hashes);
  for (const t of tiles) {
    const rel = tilePath(t.level, t.index, t.width);
    const served = await source.get(rel);
    if (!served || !bytesEqual(served, t.data)) throw new VerifyError(`hash tile ${rel} does not match the entries`);
  }

  if (previous) {
    if (previous.origin !== checkpoint.origin)
      throw new VerifyError(`origin changed from ${previous.origin} to ${checkpoint.origin}`);
    if (previous.size > size)
      throw new VerifyError(`the log shrank from ${previous.size} to ${size} entries since the saved checkpoint`);
    const oldRoot = rootFromLeafHashes(hashes.slice(0, previous.size));
    if (!bytesEqual(oldRoot, decodeBase64(previous.root, 'saved root'))) {
      throw new VerifyError(
        `the log is not consistent with the saved checkpoint of size ${previous.size}: its history was rewritten`,
      );
    }
  }
  // Leaf formats only move forward: a v1 leaf after the switch would publish an actor in clear.
  const leaves = entries.map((e): Leaf | undefined => {
    try {
      return decodeLeaf(e);
    } catch {
      return undefined; // Not a record-change leaf: nothing to say about its format.
    }
  });
  const { v2From, backwardAt } = checkFormatOrder(leaves);
  if (backwardAt !== null)
    throw new VerifyError(`entry ${backwardAt} is in leaf format v1 after format v2 began at entry ${v2From}`);
  return { checkpoint, checkpointText, entries, v2From };
}

export function stateOf(c: Checkpoint): SavedState {
  return { origin: c.origin, size: c.size, root: encodeBase64(c.root) };
}
