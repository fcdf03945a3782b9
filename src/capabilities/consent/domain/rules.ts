/**
 * @module Consent rules as data: per decision kind, which organisations must consent and how
 * many of them (all, or a quorum). A decision copies its rule when proposed (plus any
 * organisation the proposer adds), so changing a rule later never rewrites what was asked:
 * the decision's own record says whose consent it needed.
 */
import type { DecisionKind, SubjectKind } from '../contract/enums.ts';
import type { ConsentRuleFacts } from './state.ts';

export interface RuleProblem {
  path: string;
  message: string;
}

/** Problems of a rule's shape: someone to ask, no one twice, a quorum they can reach. */
export function ruleProblems(rule: ConsentRuleFacts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rule.requiredOrgIds.length === 0)
    problems.push({ path: 'requiredOrgIds', message: 'name at least one organisation' });
  if (new Set(rule.requiredOrgIds).size !== rule.requiredOrgIds.length)
    problems.push({ path: 'requiredOrgIds', message: 'names an organisation twice' });
  if (rule.quorum !== null && (rule.quorum < 1 || rule.quorum > rule.requiredOrgIds.length))
    problems.push({ path: 'quorum', message: `must be between 1 and ${rule.requiredOrgIds.length}` });
  return problems;
}

/**
 * The rule a new decision carries: its kind's rule with the organisations the proposer adds
 * (all must then consent when the kind has no rule). Added organisations are asked in addition:
 * a quorum stays the rule's and is counted among the rule's own organisations only, and every
 * added one must consent too (domain/state.ts) — so a proposer cannot meet a quorum by adding
 * organisations, its own among them. One the rule already names stays the rule's.
 */
export function decisionRule(
  rule: ConsentRuleFacts | undefined,
  addedOrgIds: readonly string[],
): ConsentRuleFacts & { addedOrgIds: readonly string[] } {
  const own = rule?.requiredOrgIds ?? [];
  const added = [...new Set(addedOrgIds)].filter((o) => !own.includes(o));
  return { requiredOrgIds: [...own, ...added], quorum: rule?.quorum ?? null, addedOrgIds: added };
}

/** The record kinds a decision of each kind may link to as its subject. */
export const SUBJECTS_OF: Record<DecisionKind, readonly SubjectKind[]> = {
  admission: ['contribution'],
  deployment: ['deployment'],
  control_line: ['control_line'],
  milestone: ['milestone'],
  crossing: ['provision'],
  minutes: ['meeting'],
  other: ['contribution', 'deployment', 'control_line', 'milestone', 'provision'],
};

/** Kinds whose decisions gate a deployment need exactly one subject of their kind. */
export function subjectProblems(kind: DecisionKind, subjects: readonly { kind: SubjectKind }[]): RuleProblem[] {
  const allowed = SUBJECTS_OF[kind];
  const problems: RuleProblem[] = [];
  subjects.forEach((s, i) => {
    if (!allowed.includes(s.kind))
      problems.push({ path: `subjects.${i}.kind`, message: `a ${kind} decision cannot change a ${s.kind}` });
  });
  if ((kind === 'admission' || kind === 'deployment') && subjects.length !== 1)
    problems.push({ path: 'subjects', message: `a ${kind} decision has exactly one subject` });
  return problems;
}
