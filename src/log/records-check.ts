/**
 * @module Compares records with their latest leaves. Used by `truce verify` (records as the
 * API shows them to one account) and by `truce audit` (every row in the database).
 * Public fields are compared as they are; restricted fields are checked by recomputing their
 * commitment from the value and its salt (the opening), so a restricted value changed behind
 * the application's back, with or without its stored secret, no longer opens the commitment.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../tlog/node.ts';
import { decodeLeaf, type Leaf } from './leaf.ts';

export interface RecordView {
  kind: string;
  id: string;
  version: number;
  fields: Record<string, unknown>;
  /** Restricted values as this reader sees them, by commitment field name. */
  restricted?: Record<string, JsonValue>;
  /** Salt (hex) of each restricted field, by the same names: with `restricted`, the openings. */
  salts?: Record<string, string>;
  /**
   * Values shown in a reduced form of a logged field (a day for a timestamp): each is compared
   * with that form of the leaf's value, so a view that shows less is still checked.
   */
  reduced?: { field: string; shown: JsonValue; of: (logged: JsonValue) => JsonValue }[];
}

export interface Mismatch {
  kind: string;
  id: string;
  problem: string;
}

/** Commitment to a value: hex SHA-256(salt || canonical JSON of the value), as the writers make it. */
export function openCommitment(saltHex: string, value: JsonValue): string {
  return createHash('sha256').update(Buffer.from(saltHex, 'hex')).update(canonicalJson(value), 'utf8').digest('hex');
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

/** Each restricted field the reader has a value for: its opening must match the leaf's commitment. */
function checkRestricted(r: RecordView, leaf: Leaf, index: number): string[] {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(r.restricted ?? {})) {
    const committed = leaf.commitments[field];
    if (committed === undefined) continue; // Not restricted in this (older) entry: compared as public.
    const salt = r.salts?.[field];
    if (salt === undefined) {
      problems.push(`restricted field ${field} has no opening for log entry ${index}`);
    } else if (openCommitment(salt, value) !== committed) {
      problems.push(`restricted field ${field} does not match its commitment in log entry ${index}`);
    }
  }
  return problems;
}

/**
 * Checks each record against its latest leaf: same version, every public field the record
 * shows equal to the leaf's, every restricted field it opens equal to the leaf's commitment.
 * With `complete`, leaves without a record are reported too (rows deleted behind the
 * application's back).
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
      out.push({
        kind: r.kind,
        id: r.id,
        problem: `is at version ${r.version}, the log's latest is ${entry.leaf.version} (index ${entry.index})`,
      });
      continue;
    }
    for (const [field, logged] of Object.entries(entry.leaf.public)) {
      // A field an older entry published in clear and that is now restricted is still compared.
      const shown =
        field in r.fields ? r.fields[field] : r.restricted && field in r.restricted ? r.restricted[field] : undefined;
      if (shown === undefined && !(field in r.fields)) continue;
      if (canonicalJson((shown ?? null) as JsonValue) !== canonicalJson(logged ?? null)) {
        out.push({ kind: r.kind, id: r.id, problem: `field ${field} differs from log entry ${entry.index}` });
      }
    }
    for (const v of r.reduced ?? []) {
      const logged = entry.leaf.public[v.field];
      if (logged === undefined || canonicalJson(v.of(logged)) !== canonicalJson(v.shown)) {
        out.push({ kind: r.kind, id: r.id, problem: `field ${v.field} differs from log entry ${entry.index}` });
      }
    }
    for (const problem of checkRestricted(r, entry.leaf, entry.index)) out.push({ kind: r.kind, id: r.id, problem });
  }
  if (complete) {
    for (const [key, { leaf, index }] of latest) {
      if (complete.kinds.includes(leaf.kind) && !seen.has(key) && leaf.op !== 'delete') {
        out.push({
          kind: leaf.kind,
          id: leaf.id,
          problem: `is in the log (index ${index}) but missing from the database`,
        });
      }
    }
  }
  return out;
}
