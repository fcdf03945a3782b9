/**
 * @module The handover check: for every sector and every day of a period, is someone
 * responsible, and with enough strength? Pure function over plain arrays; the service loads rows.
 *
 * Rules (days are whole UTC days; deployment and finding `to` are inclusive):
 * - From a sector's first withdrawal milestone on, the withdrawing party no longer holds it, so
 *   the force is responsible: a day with no deployed unit there is a `vacuum`.
 * - A day on which the sector's requirement (each task and capability at its latest phase) is
 *   above the strength planned there is `understrength` (unless it is already a vacuum).
 * - A contribution whose deployments together, on some day, exceed its quantity (what the
 *   contributor confirmed; unknown counts as nothing) is `overcommitted`, in every sector involved.
 * - A deployment resting on a contribution still below PCRS level 2 is `unconfirmed`.
 * - A deployment lacking the consent its rules require (issue 12; `consentGaps`, computed by the
 *   consent capability) is `unconsented`, and it covers nothing: it fills no vacuum and adds no
 *   strength (it still counts against its contribution's quantity: the troops are committed).
 * A unit counts until the day before it is rotated out or withdrawn.
 */
import type { ContributionStatus } from '../../contract/enums.ts';
import { dayOf, isoOf } from '../force/days.ts';
import { requiredOn, type GapRequirement } from '../force/gap.ts';
import { isBelowLevel2 } from '../force/status.ts';
import type { ConsentGap } from '../../capabilities/consent/domain/gaps.ts';

export const FINDING_KINDS = ['vacuum', 'understrength', 'overcommitted', 'unconfirmed', 'unconsented'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface CheckMilestone {
  sectorId: string;
  kind: 'withdrawal';
  at: string;
}

export interface CheckDeployment {
  id: string;
  contributionId: string;
  sectorId: string;
  from: string;
  to: string | null;
  strength: number;
}

export interface CheckContribution {
  id: string;
  quantity: number | null;
  status: ContributionStatus;
  history: readonly { status: ContributionStatus; on: string }[];
}

interface Base {
  sectorId: string;
  from: string;
  to: string;
}
export type Finding =
  | (Base & { kind: 'vacuum' })
  | (Base & { kind: 'understrength'; strength: number; required: number })
  | (Base & { kind: 'overcommitted'; contributionId: string; assigned: number; available: number })
  | (Base & {
      kind: 'unconfirmed';
      contributionId: string;
      deploymentId: string;
      status: ContributionStatus;
      strength: number;
    })
  | (Base & {
      kind: 'unconsented';
      contributionId: string;
      deploymentId: string;
      strength: number;
      consent: ConsentGap[];
    });

export interface CheckInput {
  from: string;
  to: string;
  sectorIds: readonly string[];
  milestones: readonly CheckMilestone[];
  requirements: readonly GapRequirement[];
  deployments: readonly CheckDeployment[];
  contributions: readonly CheckContribution[];
  /** Per deployment, the consent it lacks (absent: none lacking). */
  consentGaps?: ReadonlyMap<string, ConsentGap[]>;
}

interface Span {
  dep: CheckDeployment;
  first: number;
  last: number;
}

/** The days a deployment really covers: its own dates, cut the day its unit leaves the force. */
function coverage(
  dep: CheckDeployment,
  contribution: CheckContribution | undefined,
  lo: number,
  hi: number,
): Span | null {
  let last = dep.to === null ? hi : Math.min(hi, dayOf(dep.to));
  const first = Math.max(lo, dayOf(dep.from));
  for (const h of contribution?.history ?? []) {
    if (h.status === 'withdrawn' || h.status === 'rotated') {
      last = Math.min(last, dayOf(h.on) - 1);
      break;
    }
  }
  return first <= last ? { dep, first, last } : null;
}

/** Cuts [lo, hi] at every boundary and calls `each(first, last)` for each constant piece. */
function pieces(lo: number, hi: number, cuts: Iterable<number>, each: (first: number, last: number) => void): void {
  const points = [...new Set([lo, ...[...cuts].filter((c) => c > lo && c <= hi)])].sort((a, b) => a - b);
  points.forEach((p, i) => each(p, i + 1 < points.length ? points[i + 1]! - 1 : hi));
}

export function checkHandover(input: CheckInput): Finding[] {
  const lo = dayOf(input.from);
  const hi = dayOf(input.to);
  if (hi < lo) return [];
  const contributions = new Map(input.contributions.map((c) => [c.id, c]));
  const spans = input.deployments
    .map((d) => coverage(d, contributions.get(d.contributionId), lo, hi))
    .filter((s): s is Span => s !== null);
  const findings: Finding[] = [];

  const consented = (s: Span) => !input.consentGaps?.has(s.dep.id);
  const spansBySector = groupBy(spans.filter(consented), (s) => s.dep.sectorId);
  const reqsBySector = groupBy(
    input.requirements.filter((r) => r.sectorId !== null),
    (r) => r.sectorId!,
  );
  const withdrawal = new Map<string, number>();
  for (const m of input.milestones) {
    const d = dayOf(m.at);
    const seen = withdrawal.get(m.sectorId);
    if (seen === undefined || d < seen) withdrawal.set(m.sectorId, d);
  }

  for (const sectorId of input.sectorIds) {
    const mine = spansBySector.get(sectorId) ?? [];
    const reqs = reqsBySector.get(sectorId) ?? [];
    const since = withdrawal.get(sectorId);
    const cuts: number[] = [];
    for (const s of mine) cuts.push(s.first, s.last + 1);
    for (const r of reqs) cuts.push(dayOf(r.neededBy));
    if (since !== undefined) cuts.push(since);
    let open: Finding | null = null;
    pieces(lo, hi, cuts, (first, last) => {
      let strength = 0;
      for (const s of mine) if (s.first <= first && first <= s.last) strength += s.dep.strength;
      const required = requiredOn(reqs, first, () => 'x').get('x') ?? 0;
      const responsible = since !== undefined && first >= since;
      let f: Finding | null = null;
      if (responsible && strength === 0) f = { kind: 'vacuum', sectorId, from: isoOf(first), to: isoOf(last) };
      else if (strength < required)
        f = { kind: 'understrength', sectorId, from: isoOf(first), to: isoOf(last), strength, required };
      // Adjacent pieces with the same finding and the same figures read as one interval.
      if (f && open && sameFinding(open, f) && dayOf(open.to) + 1 === first) open.to = f.to;
      else {
        if (open) findings.push(open);
        open = f;
      }
    });
    if (open) findings.push(open);
  }

  for (const [contributionId, own] of groupBy(spans, (s) => s.dep.contributionId)) {
    const available = contributions.get(contributionId)?.quantity ?? 0;
    const cuts: number[] = [];
    for (const s of own) cuts.push(s.first, s.last + 1);
    const open = new Map<string, Finding & { kind: 'overcommitted' }>();
    pieces(lo, hi, cuts, (first, last) => {
      const active = own.filter((s) => s.first <= first && first <= s.last);
      const assigned = active.reduce((sum, s) => sum + s.dep.strength, 0);
      const sectors = assigned > available ? new Set(active.map((s) => s.dep.sectorId)) : new Set<string>();
      for (const [sectorId, f] of open) {
        if (!sectors.has(sectorId) || f.assigned !== assigned) {
          findings.push(f);
          open.delete(sectorId);
        }
      }
      for (const sectorId of sectors) {
        const f = open.get(sectorId);
        if (f) f.to = isoOf(last);
        else
          open.set(sectorId, {
            kind: 'overcommitted',
            sectorId,
            from: isoOf(first),
            to: isoOf(last),
            contributionId,
            assigned,
            available,
          });
      }
    });
    findings.push(...open.values());
  }

  for (const s of spans) {
    const c = contributions.get(s.dep.contributionId);
    if (!c || !isBelowLevel2(c.status)) continue;
    findings.push({
      kind: 'unconfirmed',
      sectorId: s.dep.sectorId,
      from: isoOf(s.first),
      to: isoOf(s.last),
      contributionId: c.id,
      deploymentId: s.dep.id,
      status: c.status,
      strength: s.dep.strength,
    });
  }

  for (const s of spans) {
    const consent = input.consentGaps?.get(s.dep.id);
    if (!consent) continue;
    findings.push({
      kind: 'unconsented',
      sectorId: s.dep.sectorId,
      from: isoOf(s.first),
      to: isoOf(s.last),
      contributionId: s.dep.contributionId,
      deploymentId: s.dep.id,
      strength: s.dep.strength,
      consent,
    });
  }

  const order = new Map(input.sectorIds.map((id, i) => [id, i]));
  return findings.sort(
    (a, b) =>
      (order.get(a.sectorId) ?? 0) - (order.get(b.sectorId) ?? 0) ||
      a.from.localeCompare(b.from) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind),
  );
}

function sameFinding(a: Finding, b: Finding): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'understrength' && b.kind === 'understrength')
    return a.strength === b.strength && a.required === b.required;
  return true;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
