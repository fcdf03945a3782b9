/**
 * @module The gap analysis: for a day, what the mandate requires against what is deployed,
 * confirmed (PCRS level 2+), pledged and of interest, per capability and per sector; and the
 * same over a run of days. Pure functions over plain arrays (the service only loads rows).
 *
 * Rules: a contribution's status on a day is the last status that took effect on or before that
 * day (so a unit rotated out and its relief arriving on the same day leave no dip and no double
 * count); a requirement holds from its needed-by day until a later phase of the same task,
 * capability and sector supersedes it; only deployed strength closes a gap, pledges never add
 * to it. Money is outside the personnel gap (FTS amounts are never summed with strength).
 */
import type { Capability, ContributionKind, ContributionStatus, ContributionUnit } from '../../contract/enums.ts';
import { dayOf, isoOf } from './days.ts';
import { READINESS, readinessOf, type Readiness } from './status.ts';

export interface GapContribution {
  id: string;
  kind: ContributionKind;
  capability: Capability;
  quantity: number | null;
  unit: ContributionUnit;
  /** ISO 4217 code of a money contribution; null otherwise. */
  currency?: string | null;
  /** Status moves in effect order: the first is the status the contribution was recorded with. */
  history: readonly { status: ContributionStatus; on: string }[];
}

export interface GapRequirement {
  task: string;
  capability: Capability;
  /** null: mission-wide, not tied to one sector. */
  sectorId: string | null;
  quantity: number;
  neededBy: string;
}

export interface GapDeployment {
  contributionId: string;
  sectorId: string;
  from: string;
  /** Inclusive: the last day the unit is there (a relief arriving that day overlaps it). */
  to: string | null;
  strength: number;
}

export type Strength = Record<Readiness, number>;

export interface GapRow extends Strength {
  required: number;
  /** Required minus deployed; positive is a shortfall, never reduced by pledges. */
  gap: number;
}

export interface CapabilityGap extends GapRow {
  capability: Capability;
}
export interface SectorGap extends GapRow {
  sectorId: string;
}

/** Money by FTS stage and currency: pledged, committed and paid are three figures, never a sum. */
export interface FundingRow {
  currency: string;
  pledged: number;
  committed: number;
  paid: number;
}

export interface GapReport {
  on: string;
  byCapability: CapabilityGap[];
  bySector: SectorGap[];
  total: GapRow;
  funding: FundingRow[];
}

const zero = (): Strength => ({ deployed: 0, confirmed: 0, pledged: 0, interest: 0 });

/** Whether a contribution counts in the personnel gap at all. */
export function countsAsPersonnel(c: Pick<GapContribution, 'kind' | 'unit'>): boolean {
  return c.kind !== 'money' && c.unit === 'personnel';
}

/** Status on a day (end of day), or null before the contribution existed. */
export function statusOn(history: GapContribution['history'], day: number): ContributionStatus | null {
  let status: ContributionStatus | null = null;
  for (const h of history) {
    if (dayOf(h.on) <= day) status = h.status;
    else break;
  }
  return status;
}

/** Required quantity on a day per key, each (task, capability, sector) at its latest phase. */
export function requiredOn<K extends string>(
  reqs: readonly GapRequirement[],
  day: number,
  keyOf: (r: GapRequirement) => K | null,
): Map<K, number> {
  const latest = new Map<string, GapRequirement>();
  for (const r of reqs) {
    const d = dayOf(r.neededBy);
    if (d > day) continue;
    const id = `${r.task}|${r.capability}|${r.sectorId ?? ''}`;
    const seen = latest.get(id);
    if (!seen || dayOf(seen.neededBy) < d) latest.set(id, r);
  }
  const out = new Map<K, number>();
  for (const r of latest.values()) {
    const k = keyOf(r);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + r.quantity);
  }
  return out;
}

function row(required: number, s: Strength): GapRow {
  return { required, ...s, gap: Math.max(0, required - s.deployed) };
}

/** The gap table for one day. */
export function gapOn(
  on: string,
  contributions: readonly GapContribution[],
  requirements: readonly GapRequirement[],
  deployments: readonly GapDeployment[],
  sectorIds: readonly string[],
): GapReport {
  const day = dayOf(on);
  const byCap = new Map<Capability, Strength>();
  const statusById = new Map<string, ContributionStatus | null>();
  for (const c of contributions) {
    const status = statusOn(c.history, day);
    statusById.set(c.id, status);
    if (!countsAsPersonnel(c) || status === null || c.quantity === null) continue;
    const r = readinessOf(status);
    if (r === null) continue;
    const s = byCap.get(c.capability) ?? zero();
    s[r] += c.quantity;
    byCap.set(c.capability, s);
  }
  const reqByCap = requiredOn(requirements, day, (r) => r.capability);
  const caps = new Set<Capability>([...byCap.keys(), ...reqByCap.keys()]);
  const byCapability = [...caps]
    .sort()
    .map((capability) => ({ capability, ...row(reqByCap.get(capability) ?? 0, byCap.get(capability) ?? zero()) }));

  // Per sector: the strength planned there, by the readiness of the contribution behind it.
  const bySec = new Map<string, Strength>(sectorIds.map((id) => [id, zero()]));
  for (const d of deployments) {
    if (dayOf(d.from) > day || (d.to !== null && dayOf(d.to) < day)) continue;
    const status = statusById.get(d.contributionId) ?? null;
    const r = status === null ? null : readinessOf(status);
    if (r === null) continue;
    const s = bySec.get(d.sectorId) ?? zero();
    s[r] += d.strength;
    bySec.set(d.sectorId, s);
  }
  const reqBySector = requiredOn(requirements, day, (r) => r.sectorId);
  const sectors = new Set<string>([...bySec.keys(), ...reqBySector.keys()]);
  const bySector = [...sectors].map((sectorId) => ({
    sectorId,
    ...row(reqBySector.get(sectorId) ?? 0, bySec.get(sectorId) ?? zero()),
  }));

  const total = zero();
  let required = 0;
  for (const c of byCapability) {
    for (const r of READINESS) total[r] += c[r];
    required += c.required;
  }
  const totalRow: GapRow = { required, ...total, gap: byCapability.reduce((sum, c) => sum + c.gap, 0) };
  return { on, byCapability, bySector, total: totalRow, funding: fundingOn(day, contributions) };
}

/** Money contributions on a day, per currency and FTS stage (interest and withdrawn left out). */
export function fundingOn(day: number, contributions: readonly GapContribution[]): FundingRow[] {
  const rows = new Map<string, FundingRow>();
  for (const c of contributions) {
    if (c.kind !== 'money' || !c.currency || c.quantity === null) continue;
    const status = statusOn(c.history, day);
    if (status !== 'pledged' && status !== 'committed' && status !== 'paid') continue;
    const row = rows.get(c.currency) ?? { currency: c.currency, pledged: 0, committed: 0, paid: 0 };
    row[status] += c.quantity;
    rows.set(c.currency, row);
  }
  return [...rows.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export interface SeriesPoint extends Strength {
  on: string;
  required: number;
  /** Shortfall per capability with a requirement or strength that day (0 when covered). */
  gapByCapability: Partial<Record<Capability, number>>;
  gap: number;
}

/**
 * One point per day from `from` to `to` inclusive. Statuses and requirements are walked with
 * cursors rather than recomputed per day, so a year of 500 contributions stays cheap.
 */
export function gapSeries(
  from: string,
  to: string,
  contributions: readonly GapContribution[],
  requirements: readonly GapRequirement[],
): SeriesPoint[] {
  const first = dayOf(from);
  const last = dayOf(to);
  const people = contributions
    .filter((c) => countsAsPersonnel(c) && c.quantity !== null)
    .map((c) => ({ c, steps: c.history.map((h) => ({ day: dayOf(h.on), status: h.status })), i: -1 }));
  const reqs = [...requirements].map((r) => ({ r, day: dayOf(r.neededBy) })).sort((a, b) => a.day - b.day);
  const current = new Map<string, { day: number; quantity: number; capability: Capability }>();
  let ri = 0;
  const out: SeriesPoint[] = [];
  for (let day = first; day <= last; day += 1) {
    while (ri < reqs.length && reqs[ri]!.day <= day) {
      const { r, day: d } = reqs[ri]!;
      const id = `${r.task}|${r.capability}|${r.sectorId ?? ''}`;
      const seen = current.get(id);
      if (!seen || seen.day <= d) current.set(id, { day: d, quantity: r.quantity, capability: r.capability });
      ri += 1;
    }
    const strength = zero();
    const byCap = new Map<Capability, number>();
    for (const p of people) {
      while (p.i + 1 < p.steps.length && p.steps[p.i + 1]!.day <= day) p.i += 1;
      if (p.i < 0) continue;
      const r = readinessOf(p.steps[p.i]!.status);
      if (r === null) continue;
      strength[r] += p.c.quantity!;
      if (r === 'deployed') byCap.set(p.c.capability, (byCap.get(p.c.capability) ?? 0) + p.c.quantity!);
    }
    const reqByCap = new Map<Capability, number>();
    for (const v of current.values()) reqByCap.set(v.capability, (reqByCap.get(v.capability) ?? 0) + v.quantity);
    const gapByCapability: Partial<Record<Capability, number>> = {};
    let required = 0;
    let gap = 0;
    for (const [cap, need] of reqByCap) {
      const g = Math.max(0, need - (byCap.get(cap) ?? 0));
      gapByCapability[cap] = g;
      required += need;
      gap += g;
    }
    out.push({ on: isoOf(day), ...strength, required, gapByCapability, gap });
  }
  return out;
}
