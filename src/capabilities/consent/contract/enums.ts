/**
 * @module Enums of decisions and consent (issue 12), shared by the server, the web UI and the CLI.
 */

/**
 * What a decision decides. `admission` admits a contribution (a contributor's offer) to the
 * force; `deployment` puts a unit in a sector; the others change a control line, a withdrawal
 * milestone, a crossing, adopt minutes, or anything else (`other`).
 */
export const DECISION_KINDS = [
  'admission',
  'deployment',
  'control_line',
  'milestone',
  'crossing',
  'minutes',
  'other',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The records a decision's subject may link to. */
export const SUBJECT_KINDS = [
  'contribution',
  'deployment',
  'control_line',
  'milestone',
  'provision',
  'meeting',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * An organisation's answer. `withdrawal` takes back a consent it gave earlier (a later answer of
 * its own); for the rule it weighs like an objection.
 */
export const ANSWER_KINDS = ['consent', 'consent_with_conditions', 'objection', 'abstention', 'withdrawal'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** A decision's state, derived on read from its rule, its answers, its due date and the clock. */
export const DECISION_STATES = ['pending', 'adopted', 'blocked', 'lapsed', 'cancelled'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

/** Where a contributor stands with one party (the contributions table). */
export const STANDINGS = [
  'accepted',
  'accepted_with_caveats',
  'objected',
  'abstained',
  'awaiting',
  'not_asked',
] as const;
export type Standing = (typeof STANDINGS)[number];

/** Why a deployment lacks the consent its rules require (the `unconsented` finding). */
export const CONSENT_GAP_REASONS = [
  'not_asked',
  'pending',
  'blocked',
  'lapsed',
  'withdrawn',
  'excluded_sector',
] as const;
export type ConsentGapReason = (typeof CONSENT_GAP_REASONS)[number];

/** A meeting's action item, derived like a provision's deadline (Asia/Gaza days): done, else late after its day. */
export const ACTION_STATUSES = ['due', 'late', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
