/**
 * @module Joint verification of a proposed ruling, as one pure function: which approvals count,
 * for which monitoring organisation, and how many more organisations are needed.
 *
 * The rules (issue 10, "a ruling is joint with one monitoring organisation"):
 * - only approvals by accounts that are monitors count;
 * - approvals are judged against each approver's state NOW (at decision time): an account since
 *   disabled, no longer a monitor, or moved to another organisation no longer counts for the
 *   organisation it approved for;
 * - the quorum counts distinct monitoring bodies: an organisation and the organisations under it
 *   (EUBAM Rafah under the European Union) are one body, and every organisation of the chain must
 *   be of a kind that reviews rulings (policy/monitoring.ts), so no party or state counts;
 * - the proposer's own approval counts for its body like any other, but the quorum is never
 *   below two bodies, so no organisation ever decides alone.
 */
import type { OrgKind, Role } from '../../contract/enums.ts';
import { reviewsRulings } from '../policy/monitoring.ts';
import type { NotCountedReason } from '../../contract/monitoring/enums.ts';

/** Whatever a mission configures, a ruling needs at least two monitoring bodies. */
export const MIN_APPROVAL_QUORUM = 2;

export function effectiveQuorum(configured: number): number {
  return Math.max(MIN_APPROVAL_QUORUM, configured);
}

export interface OrgNode {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
}

export interface ApprovalFact {
  userId: string | null;
  /** The organisation the approval was given for (the approver's when approving). */
  organisationId: string | null;
  /** The approver's account now; null when there is none (the console, or a deleted account). */
  current: { role: Role; disabled: boolean; organisationId: string } | null;
}

export { NOT_COUNTED_REASONS, type NotCountedReason } from '../../contract/monitoring/enums.ts';

export interface CountedBody {
  /** The top organisation of the body (the one counted). */
  organisationId: string;
  organisationName: string;
  /** The approvals counted for it (two monitors of one body: both listed, the body counted once). */
  approvals: ApprovalFact[];
}

export interface RulingTally {
  quorum: number;
  counted: CountedBody[];
  notCounted: { approval: ApprovalFact; reason: NotCountedReason }[];
  /** How many more bodies must approve (0 once reached). */
  missing: number;
  reached: boolean;
  /** An appeal still needs a body that did not approve the ruling it reviews. */
  newBodyMissing: boolean;
}

/**
 * The body an organisation belongs to (its top organisation), or null when some organisation of
 * its chain does not review rulings (a party, a state, or a mission under one). A visited set
 * guards against a cycle in bad data.
 */
export function rulingBody(organisationId: string | null, orgs: ReadonlyMap<string, OrgNode>): OrgNode | null {
  const kinds: OrgKind[] = [];
  const seen = new Set<string>();
  let node = organisationId === null ? undefined : orgs.get(organisationId);
  let top: OrgNode | undefined;
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    kinds.push(node.kind);
    top = node;
    node = node.parentId === null ? undefined : orgs.get(node.parentId);
  }
  if (node) return null; // a cycle: trust nothing
  return top && reviewsRulings(kinds) ? top : null;
}

function reasonNotCounted(a: ApprovalFact): NotCountedReason | null {
  if (a.current === null || a.userId === null) return 'no_account';
  if (a.current.disabled) return 'disabled';
  if (a.current.role !== 'monitor') return 'not_a_monitor';
  if (a.current.organisationId !== a.organisationId) return 'moved';
  return null;
}

/**
 * What a tally must also respect beyond its quorum: a body that may not count (the proposer's,
 * when the mission's rules say so), and bodies of which at least one other must be among the
 * counted (an appeal is decided with at least one body that did not approve the ruling).
 */
export interface TallyRules {
  excludedBody?: string | null | undefined;
  needsOtherThan?: readonly string[] | undefined;
}

/** Tallies the approvals of one round (in the order given, usually the order they were made). */
export function tallyApprovals(
  approvals: readonly ApprovalFact[],
  orgs: ReadonlyMap<string, OrgNode>,
  configuredQuorum: number,
  rules: TallyRules = {},
): RulingTally {
  const quorum = effectiveQuorum(configuredQuorum);
  const bodies = new Map<string, CountedBody>();
  const notCounted: RulingTally['notCounted'] = [];
  for (const a of approvals) {
    const reason = reasonNotCounted(a);
    if (reason) {
      notCounted.push({ approval: a, reason });
      continue;
    }
    const body = rulingBody(a.organisationId, orgs);
    if (!body) {
      notCounted.push({ approval: a, reason: 'not_a_monitoring_organisation' });
      continue;
    }
    if (rules.excludedBody && body.id === rules.excludedBody) {
      notCounted.push({ approval: a, reason: 'proposer_organisation' });
      continue;
    }
    const entry = bodies.get(body.id) ?? { organisationId: body.id, organisationName: body.name, approvals: [] };
    entry.approvals.push(a);
    bodies.set(body.id, entry);
  }
  const counted = [...bodies.values()];
  const others = rules.needsOtherThan;
  const newBodyMissing = others !== undefined && !counted.some((b) => !others.includes(b.organisationId)) ? 1 : 0;
  // Bodies already counted that were among the original approvers cannot fill the new-body seat.
  const missing = Math.max(newBodyMissing, quorum - counted.length);
  return { quorum, counted, notCounted, missing, reached: missing === 0, newBodyMissing: newBodyMissing === 1 };
}
