/**
 * @module A decision's state, derived from facts only (never stored): its rule (which
 * organisations must answer; all of them or a quorum), the answers given (each organisation's
 * latest answer counts), its due date, whether its proposer cancelled it, and the clock.
 *
 * - `all`: met when every required organisation has answered, none objects (or withdrew) and at
 *   least one consents; abstaining stands aside (it neither blocks nor counts as consent).
 *   Blocked by any objection, or once everyone answered without a single consent.
 * - quorum n: met when at least n of the rule's organisations consent; blocked once the consents
 *   plus the answers still missing can no longer reach n. Organisations the proposer added
 *   (`addedOrgIds`) never count toward n: each must also answer without objecting, as under
 *   `all` (abstaining stands aside), and an objection of one blocks.
 * - adopted: the first moment (answers in order, none after the due date) the rule was met.
 *   Adoption is a fact of the past: a later withdrawal leaves the decision adopted but says the
 *   rule is no longer met (`ruleMet: false`), and what depends on it is flagged.
 * - otherwise: cancelled (by its proposer), blocked (now), lapsed (due date passed with answers
 *   still missing), or pending.
 */
import type { AnswerKind, DecisionState } from '../contract/enums.ts';
import type { Caveat } from '../contract/caveats.ts';

export interface ConsentRuleFacts {
  requiredOrgIds: readonly string[];
  /** null: every required organisation; n: at least n of them. */
  quorum: number | null;
  /** Of `requiredOrgIds`, those the proposer added beyond the kind's rule (outside any quorum). */
  addedOrgIds?: readonly string[];
}

export interface DecisionFacts extends ConsentRuleFacts {
  dueAt: string;
  cancelledAt: string | null;
}

export interface AnswerFacts {
  organisationId: string;
  answer: AnswerKind;
  /** ISO instant; answers of one decision are compared in this order (ties: in the given order). */
  at: string;
  caveats: readonly Caveat[];
}

export interface DecisionStatus {
  state: DecisionState;
  /** When the rule was first met (adopted decisions only). */
  adoptedAt: string | null;
  /** Whether the answers as they stand now meet the rule (false for an adopted decision whose consent was withdrawn). */
  ruleMet: boolean;
  /** Each required organisation's latest answer, or null (not answered). */
  latest: ReadonlyMap<string, AnswerFacts | null>;
  /** Required organisations that have not answered. */
  awaiting: string[];
  /** Caveats of the consents standing now, with who set them. */
  caveats: { organisationId: string; caveat: Caveat }[];
}

export const isConsent = (a: AnswerKind): boolean => a === 'consent' || a === 'consent_with_conditions';
const isRefusal = (a: AnswerKind): boolean => a === 'objection' || a === 'withdrawal';

interface Tally {
  consents: number;
  refusals: number;
  missing: number;
}

function tally(orgIds: readonly string[], latest: ReadonlyMap<string, AnswerFacts | null>): Tally {
  const t: Tally = { consents: 0, refusals: 0, missing: 0 };
  for (const org of orgIds) {
    const a = latest.get(org) ?? null;
    if (a === null) t.missing++;
    else if (isConsent(a.answer)) t.consents++;
    else if (isRefusal(a.answer)) t.refusals++;
  }
  return t;
}

/** The rule's own organisations and, under a quorum, the added ones tallied apart. */
interface Tallies {
  own: Tally;
  added: Tally;
}

function tallies(rule: ConsentRuleFacts, latest: ReadonlyMap<string, AnswerFacts | null>): Tallies {
  // Without a quorum every organisation asked must consent: added ones are no different.
  const added = new Set(rule.quorum === null ? [] : (rule.addedOrgIds ?? []));
  return {
    own: tally(
      rule.requiredOrgIds.filter((o) => !added.has(o)),
      latest,
    ),
    added: tally([...added], latest),
  };
}

function met(rule: ConsentRuleFacts, { own, added }: Tallies): boolean {
  if (rule.quorum === null) return own.missing === 0 && own.refusals === 0 && own.consents > 0;
  return own.consents >= rule.quorum && added.missing === 0 && added.refusals === 0;
}

function blocked(rule: ConsentRuleFacts, { own, added }: Tallies): boolean {
  if (rule.quorum === null) return own.refusals > 0 || (own.missing === 0 && own.consents === 0);
  return own.consents + own.missing < rule.quorum || added.refusals > 0;
}

/** Answers in the order they were given (stable for equal instants). */
function ordered(answers: readonly AnswerFacts[]): AnswerFacts[] {
  return answers
    .map((a, i) => ({ a, i }))
    .sort((x, y) => Date.parse(x.a.at) - Date.parse(y.a.at) || x.i - y.i)
    .map((x) => x.a);
}

export function decisionStatus(d: DecisionFacts, answers: readonly AnswerFacts[], now: Date): DecisionStatus {
  const required = new Set(d.requiredOrgIds);
  const nowMs = now.getTime();
  const due = Date.parse(d.dueAt);
  const mine = ordered(answers.filter((a) => required.has(a.organisationId) && Date.parse(a.at) <= nowMs));

  // Replay the answers given by the due date (and before any cancellation) to find the adoption.
  const cancelled = d.cancelledAt === null ? Number.POSITIVE_INFINITY : Date.parse(d.cancelledAt);
  const replay = new Map<string, AnswerFacts | null>(d.requiredOrgIds.map((o) => [o, null]));
  let adoptedAt: string | null = null;
  for (const a of mine) {
    const t = Date.parse(a.at);
    if (t > due || t >= cancelled) break;
    replay.set(a.organisationId, a);
    if (met(d, tallies(d, replay))) {
      adoptedAt = a.at;
      break;
    }
  }

  const latest = new Map<string, AnswerFacts | null>(d.requiredOrgIds.map((o) => [o, null]));
  for (const a of mine) latest.set(a.organisationId, a);
  const now_ = tallies(d, latest);
  const ruleMet = met(d, now_);
  const awaiting = d.requiredOrgIds.filter((o) => latest.get(o) === null);
  const caveats = [...latest.values()].flatMap((a) =>
    a !== null && isConsent(a.answer) ? a.caveats.map((caveat) => ({ organisationId: a.organisationId, caveat })) : [],
  );

  let state: DecisionState;
  if (adoptedAt !== null) state = 'adopted';
  else if (d.cancelledAt !== null) state = 'cancelled';
  else if (blocked(d, now_)) state = 'blocked';
  else if (nowMs >= due) state = 'lapsed';
  else state = 'pending';
  return { state, adoptedAt, ruleMet, latest, awaiting, caveats };
}

/**
 * Whether `organisationId` may answer now: a required organisation, on a decision still open
 * (pending or blocked before its due date), or on an adopted one (to withdraw or renew consent).
 * A withdrawal takes back a consent, so it needs one standing. null when allowed, else why not.
 */
export function answerRefusal(
  d: DecisionFacts,
  status: DecisionStatus,
  organisationId: string,
  answer: AnswerKind,
  now: Date,
): string | null {
  if (!d.requiredOrgIds.includes(organisationId)) return 'your organisation is not asked to answer this decision';
  if (status.state === 'cancelled') return 'the decision was cancelled';
  if (status.state === 'lapsed') return 'the decision lapsed: answers were due by its due date';
  if (status.state !== 'adopted' && now.getTime() >= Date.parse(d.dueAt)) return 'answers were due by the due date';
  if (answer === 'withdrawal') {
    const prev = status.latest.get(organisationId) ?? null;
    if (prev === null || !isConsent(prev.answer))
      return 'a withdrawal takes back a consent: your organisation has none standing';
  }
  return null;
}

/** Whether the proposer may still cancel: not once adopted, lapsed or cancelled. */
export function mayCancel(status: DecisionStatus): boolean {
  return status.state === 'pending' || status.state === 'blocked';
}
