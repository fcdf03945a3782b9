/**
 * @module Roll-ups as the Peace Accords Matrix makes them: each provision scores 0-3 (not
 * initiated, minimal, intermediate, full); a group's implementation is the sum of its scores
 * over three times its number of provisions. Unscored provisions count as 0, as PAM does.
 * Disputed provisions are counted apart and stay counted under their derived status.
 */
import { PROVISION_STATUSES, type ProvisionStatus } from '../../contract/compliance/enums.ts';

export interface RollupItem {
  phase: number;
  type: string;
  parties: readonly string[];
  score: number | null;
  status: ProvisionStatus;
  /** A party has an open dispute (a flag: the status above is unchanged by it). */
  disputed: boolean;
}

export interface Rollup {
  provisions: number;
  scored: number;
  /** 0..1, PAM's implementation percentage as a ratio. */
  implementation: number;
  byStatus: Record<ProvisionStatus, number>;
  /** Provisions with an open dispute, whatever their status. */
  disputed: number;
}

export function rollup(items: readonly RollupItem[]): Rollup {
  const byStatus = Object.fromEntries(PROVISION_STATUSES.map((s) => [s, 0])) as Record<ProvisionStatus, number>;
  let sum = 0;
  let scored = 0;
  let disputed = 0;
  for (const i of items) {
    byStatus[i.status] += 1;
    if (i.disputed) disputed += 1;
    if (i.score !== null) {
      sum += i.score;
      scored += 1;
    }
  }
  return {
    provisions: items.length,
    scored,
    implementation: items.length === 0 ? 0 : sum / (3 * items.length),
    byStatus,
    disputed,
  };
}

export function rollupBy<T extends RollupItem, K>(items: readonly T[], keys: (i: T) => readonly K[]): Map<K, Rollup> {
  const groups = new Map<K, T[]>();
  for (const i of items) for (const k of keys(i)) groups.set(k, [...(groups.get(k) ?? []), i]);
  return new Map([...groups].map(([k, g]) => [k, rollup(g)]));
}
