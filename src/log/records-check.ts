/**
 * @module Compares records with their latest leaves. Used by `truce verify` (records as the
 * API shows them to one account) and by `truce audit` (every row in the database).
 */
import { canonicalJson, type JsonValue } from '../tlog/index.ts';
import { decodeLeaf, type Leaf } from './leaf.ts';

export interface RecordView {
  kind: string;
  id: string;
  version: number;
  fields: Record<string, unknown>;
}

export interface Mismatch {
  kind: string;
  id: string;
  problem: string;
}

/** The latest leaf (and its index) of every record named in the log. */
export function latestLeaves(entries: readonly Uint8Array[]): Map<string, { leaf: Leaf; index: number }> {
  const map = new Map<string, { leaf: Leaf; index: number }>();
  entries.forEach((e, index) => {
    let leaf: Leaf;
    try {
      leaf = decodeLeaf(e);
    } catch {
      return; // Not a record-change leaf (a future leaf type): nothing to compare.
    }
    const key = `${leaf.kind}/${leaf.id}`;
    const seen = map.get(key);
    if (!seen || leaf.version >= seen.leaf.version) map.set(key, { leaf, index });
  });
  return map;
}

/**
 * Checks each record against its latest leaf: same version, and every public field the record
 * shows equal to the leaf's. With `complete`, leaves without a record are reported too (rows
 * deleted behind the application's back).
 */
export function compareRecords(
  records: readonly RecordView[],
  latest: Map<string, { leaf: Leaf; index: number }>,
  complete: { kinds: readonly string[] } | undefined,
): Mismatch[] {
  const out: Mismatch[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const key = `${r.kind}/${r.id}`;
    seen.add(key);
    const entry = latest.get(key);
    if (!entry) {
      out.push({ kind: r.kind, id: r.id, problem: 'has no entry in the log' });
      continue;
    }
    if (entry.leaf.version !== r.version) {
      out.push({ kind: r.kind, id: r.id, problem: `is at version ${r.version}, the log's latest is ${entry.leaf.version} (index ${entry.index})` });
      continue;
    }
    for (const [field, logged] of Object.entries(entry.leaf.public)) {
      if (!(field in r.fields)) continue;
      const shown = r.fields[field] as JsonValue;
      if (canonicalJson(shown ?? null) !== canonicalJson(logged ?? null)) {
        out.push({ kind: r.kind, id: r.id, problem: `field ${field} differs from log entry ${entry.index}` });
      }
    }
  }
  if (complete) {
    for (const [key, { leaf, index }] of latest) {
      if (complete.kinds.includes(leaf.kind) && !seen.has(key) && leaf.op !== 'delete') {
        out.push({ kind: leaf.kind, id: leaf.id, problem: `is in the log (index ${index}) but missing from the database` });
      }
    }
  }
  return out;
}
