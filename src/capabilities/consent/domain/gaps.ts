/**
 * @module What the consent rules require of the force's plan, and where it falls short. Pure.
 *
 * A deployment rests on two decisions: the admission of its contribution (kind `admission`,
 * subject the contribution) and its own (kind `deployment`, subject the deployment). Each kind
 * is required when a rule for it exists, or when a decision of that kind was asked about the
 * subject anyway (asking is saying consent is needed). The decision that counts is the latest
 * one proposed on the subject that was not cancelled. A required kind is lacking when there is
 * none (`not_asked`), when it is pending, blocked or lapsed, or when it was adopted but the rule
 * is no longer met (`withdrawn`). A consent standing now that excludes the deployment's sector
 * (a typed caveat) is a gap too (`excluded_sector`), whichever of the two decisions it is on.
 */
import type { ConsentGapReason, DecisionKind, Standing } from '../contract/enums.ts';
import type { DecisionStatus } from './state.ts';

export interface GapDecision {
  id: string;
  kind: DecisionKind;
  subjectIds: readonly string[];
  proposedAt: string;
  requiredOrgIds: readonly string[];
  status: DecisionStatus;
}

export interface ConsentGap {
  reason: ConsentGapReason;
  decisionKind: DecisionKind;
  /** null when no decision was asked. */
  decisionId: string | null;
  /** Whose consent is lacking (the awaited, the refusing, the one excluding the sector). */
  organisationIds: string[];
}

export interface GapDeployment {
  id: string;
  contributionId: string;
  sectorId: string;
}

export interface ConsentIndex {
  /** Decision kinds a rule exists for, with the organisations the rule names. */
  rules: ReadonlyMap<DecisionKind, readonly string[]>;
  /** The decision that counts per kind and subject (`${kind}:${subjectId}`). */
  current: ReadonlyMap<string, GapDecision>;
}

/** Picks, per kind and subject, the latest decision proposed that was not cancelled. */
export function indexDecisions(
  rules: ReadonlyMap<DecisionKind, readonly string[]>,
  decisions: readonly GapDecision[],
): ConsentIndex {
  const current = new Map<string, GapDecision>();
  for (const d of decisions) {
    if (d.status.state === 'cancelled') continue;
    for (const s of d.subjectIds) {
      const key = `${d.kind}:${s}`;
      const seen = current.get(key);
      if (!seen || Date.parse(d.proposedAt) >= Date.parse(seen.proposedAt)) current.set(key, d);
    }
  }
  return { rules, current };
}

function lacking(kind: DecisionKind, d: GapDecision | undefined, ruleOrgs: readonly string[]): ConsentGap | null {
  if (!d) return { reason: 'not_asked', decisionKind: kind, decisionId: null, organisationIds: [...ruleOrgs] };
  const s = d.status;
  const refusing = [...s.latest.values()]
    .filter((a) => a !== null && (a.answer === 'objection' || a.answer === 'withdrawal'))
    .map((a) => a!.organisationId);
  const gap = (reason: ConsentGapReason, organisationIds: string[]): ConsentGap => ({
    reason,
    decisionKind: kind,
    decisionId: d.id,
    organisationIds,
  });
  switch (s.state) {
    case 'adopted':
      return s.ruleMet ? null : gap('withdrawn', refusing.length > 0 ? refusing : s.awaiting);
    case 'pending':
      return gap('pending', s.awaiting);
    case 'lapsed':
      return gap('lapsed', s.awaiting);
    case 'blocked':
      return gap('blocked', refusing.length > 0 ? refusing : [...d.requiredOrgIds]);
    case 'cancelled':
      return null; // never current (indexDecisions skips them)
  }
}

const GATES: readonly { kind: DecisionKind; subject: (d: GapDeployment) => string }[] = [
  { kind: 'admission', subject: (d) => d.contributionId },
  { kind: 'deployment', subject: (d) => d.id },
];

/** Every way a deployment lacks the consent its rules require (empty: fully consented). */
export function consentGaps(index: ConsentIndex, dep: GapDeployment): ConsentGap[] {
  const gaps: ConsentGap[] = [];
  for (const g of GATES) {
    const d = index.current.get(`${g.kind}:${g.subject(dep)}`);
    const ruleOrgs = index.rules.get(g.kind);
    if (ruleOrgs === undefined && d === undefined) continue; // neither required nor asked
    const gap = lacking(g.kind, d, ruleOrgs ?? []);
    if (gap) gaps.push(gap);
    if (!d) continue;
    const excluding = d.status.caveats
      .filter((c) => c.caveat.kind === 'exclude_sector' && c.caveat.sectorId === dep.sectorId)
      .map((c) => c.organisationId);
    if (excluding.length > 0)
      gaps.push({ reason: 'excluded_sector', decisionKind: g.kind, decisionId: d.id, organisationIds: excluding });
  }
  return gaps;
}

/**
 * Where a contributor stands with each organisation that must consent to its admission: the
 * organisations of the admission rule and of the admission decision asked (if any).
 */
export function standings(
  index: ConsentIndex,
  contributionId: string,
): { organisationId: string; standing: Standing }[] {
  const d = index.current.get(`admission:${contributionId}`);
  const orgs = [...new Set([...(index.rules.get('admission') ?? []), ...(d?.requiredOrgIds ?? [])])];
  return orgs.map((organisationId) => {
    if (!d || !d.requiredOrgIds.includes(organisationId)) return { organisationId, standing: 'not_asked' as const };
    const a = d.status.latest.get(organisationId) ?? null;
    const standing: Standing =
      a === null
        ? 'awaiting'
        : a.answer === 'consent'
          ? 'accepted'
          : a.answer === 'consent_with_conditions'
            ? 'accepted_with_caveats'
            : a.answer === 'abstention'
              ? 'abstained'
              : 'objected';
    return { organisationId, standing };
  });
}
